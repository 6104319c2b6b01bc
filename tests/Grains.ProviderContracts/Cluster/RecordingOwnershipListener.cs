using Grains.Runtime.Cluster;

namespace Grains.ProviderContracts.Cluster;

/// <summary>Records what a lease manager tells its silo, in order, so tests can check the order of a handoff.</summary>
public sealed class RecordingOwnershipListener : IPartitionOwnershipListener
{
    private readonly Lock _lock = new();
    private readonly List<(string Kind, int Partition)> _events = [];

    public const string Gained = "gained";
    public const string HandingOff = "handing-off";
    public const string Lost = "lost";

    /// <summary>Every call so far, one entry per partition.</summary>
    public IReadOnlyList<(string Kind, int Partition)> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>The calls about <paramref name="partition"/>, in order.</summary>
    public IReadOnlyList<string> For(int partition) => [.. Events.Where(e => e.Partition == partition).Select(e => e.Kind)];

    public Task OnPartitionsGainedAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken) => Record(Gained, partitions);

    public Task OnPartitionsHandingOffAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken) => Record(HandingOff, partitions);

    public Task OnPartitionsLostAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken) => Record(Lost, partitions);

    private Task Record(string kind, IReadOnlyList<int> partitions)
    {
        lock (_lock)
        {
            _events.AddRange(partitions.Select(p => (kind, p)));
        }

        return Task.CompletedTask;
    }
}
