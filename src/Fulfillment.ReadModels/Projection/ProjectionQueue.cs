using System.Threading.Channels;
using Fulfillment.Grains.Changes;
using Microsoft.Extensions.Options;

namespace Fulfillment.ReadModels.Projection;

/// <summary>
/// The bounded hand-off between order grains (through <see cref="ReadModelChangeSink"/>) and the one
/// <see cref="OrderProjector"/>. A full queue makes publishers wait (back-pressure) rather than drop a change; a
/// publisher also waits for the commit when its order is not marked yet (see <see cref="OrderMarks"/>).
/// </summary>
internal sealed class ProjectionQueue
{
    private readonly Channel<ProjectionItem> _channel;
    private readonly TimeProvider _time;

    public ProjectionQueue(IOptions<ReadModelOptions> options, TimeProvider time)
    {
        _time = time;
        _channel = Channel.CreateBounded<ProjectionItem>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public OrderMarks Marks { get; } = new();

    public ChannelReader<ProjectionItem> Reader => _channel.Reader;

    public int Depth => _channel.Reader.Count;

    /// <summary>
    /// Hands the change off. Returns at once when the order is durably marked already; otherwise (or when
    /// <paramref name="waitForCommit"/>) once the projector committed it.
    /// </summary>
    public async Task PublishAsync(OrderChange change, bool waitForCommit, CancellationToken cancellationToken)
    {
        var marked = Marks.Published(change.Order.OrderId, change.Order.Version, _time.GetUtcNow());
        var committed = marked && !waitForCommit ? null : new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _channel.Writer.WriteAsync(new ProjectionItem(change, committed, _time.GetTimestamp()), cancellationToken).ConfigureAwait(false);
        if (committed is not null)
        {
            await committed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
