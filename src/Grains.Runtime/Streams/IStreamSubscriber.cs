namespace Grains.Streams;

/// <summary>
/// Implemented by grain classes with <see cref="ImplicitStreamSubscriptionAttribute"/>. Delivery is at-least-once: after
/// a crash, events after the last checkpoint are delivered again; use <see cref="ProcessedEventWindow"/> in the grain's
/// state to apply each event once. A call that throws, or that does not complete within the call's response timeout
/// (<c>Grains:ResponseTimeout</c>), is retried with back-off, then dead-lettered.
/// </summary>
public interface IStreamSubscriber : IGrain
{
    Task OnNextAsync(StreamEvent item);
}
