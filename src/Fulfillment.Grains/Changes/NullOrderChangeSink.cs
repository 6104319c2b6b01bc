namespace Fulfillment.Grains.Changes;

/// <summary>The default sink: no read model is attached, so changes go nowhere.</summary>
public sealed class NullOrderChangeSink : IOrderChangeSink
{
    public Task PublishAsync(OrderChange change, CancellationToken cancellationToken) => Task.CompletedTask;
}
