namespace Grains.Runtime.Cluster;

/// <summary>
/// Starts and stops the work of partitions as the silo gains and loses their leases: the silo's stream agents,
/// reminders and activations. Calls for one partition never overlap and come in order (gained, then handing off
/// and lost, or lost alone); calls for different partitions may run at once.
/// </summary>
public interface IPartitionOwnershipListener
{
    /// <summary>The silo claimed these partitions and serves them already: start their work.</summary>
    Task OnPartitionsGainedAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken);

    /// <summary>
    /// A graceful handoff begins: the silo still holds the leases and serves calls, so stream agents can drain and
    /// checkpoint and reminders stop. <see cref="OnPartitionsLostAsync"/> follows once the silo stopped serving them;
    /// the leases are released after that, so the next owner starts where this one stopped.
    /// </summary>
    Task OnPartitionsHandingOffAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken);

    /// <summary>
    /// The silo no longer serves these partitions (after a handoff, or because a lease could not be renewed in time
    /// or was found taken): stop whatever still runs for them and deactivate their activations.
    /// </summary>
    Task OnPartitionsLostAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken);
}
