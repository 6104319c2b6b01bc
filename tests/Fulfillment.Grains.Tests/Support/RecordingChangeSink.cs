using System.Collections.Concurrent;
using Fulfillment.Grains.Changes;

namespace Fulfillment.Grains.Tests.Support;

/// <summary>
/// An order change sink that keeps every change it is given, in order of arrival; told to, it fails the next one (a
/// read model down for a moment).
/// </summary>
public sealed class RecordingChangeSink : IOrderChangeSink
{
    private readonly ConcurrentQueue<OrderChange> _changes = new();

    public IReadOnlyList<OrderChange> Changes => [.. _changes];

    public bool FailNext { get; set; }

    public IReadOnlyList<OrderChange> Of(string orderId) => [.. _changes.Where(c => c.Order.OrderId == orderId)];

    public Task PublishAsync(OrderChange change, CancellationToken cancellationToken)
    {
        if (FailNext)
        {
            FailNext = false;
            throw new InvalidOperationException("The read model is down.");
        }

        _changes.Enqueue(change);
        return Task.CompletedTask;
    }
}
