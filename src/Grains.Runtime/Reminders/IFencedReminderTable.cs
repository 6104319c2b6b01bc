using Grains.Runtime.Cluster;

namespace Grains.Reminders;

/// <summary>
/// A reminder table that several silos share and that checks lease fences: an upsert or removal applies only while
/// the reminder's partition lease still has the fence's epoch and owner, checked atomically with the change. A stale
/// fence fails with <see cref="StaleLeaseException"/> and changes nothing.
/// </summary>
public interface IFencedReminderTable : IReminderTable
{
    /// <summary>As <see cref="IReminderTable.UpsertAsync"/>, under <paramref name="fence"/> (<see cref="LeaseFence.None"/>: unchecked).</summary>
    Task<string> UpsertAsync(ReminderEntry entry, LeaseFence fence, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="IReminderTable.RemoveAsync"/>, under <paramref name="fence"/> (<see cref="LeaseFence.None"/>: unchecked).</summary>
    Task<bool> RemoveAsync(GrainId grainId, string name, string etag, LeaseFence fence, CancellationToken cancellationToken = default);
}
