using Fulfillment.Grains.Changes;

namespace Fulfillment.ReadModels.Projection;

/// <summary>
/// The order change sink of the read models: hands each change to the projection queue, inside the order's turn.
/// Usually that is an enqueue; the first change of an order not marked yet waits for one commit (see <see cref="OrderMarks"/>).
/// </summary>
internal sealed class ReadModelChangeSink(ProjectionQueue queue) : IOrderChangeSink
{
    public Task PublishAsync(OrderChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return queue.PublishAsync(change, waitForCommit: false, cancellationToken);
    }
}
