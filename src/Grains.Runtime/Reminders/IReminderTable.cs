namespace Grains.Reminders;

/// <summary>
/// Durable reminder storage. Upserts are unconditional and return a fresh ETag; removal is conditional on the ETag so
/// that a delivery finishing late never deletes a reminder the grain registered again meanwhile. A durable table never
/// repeats an ETag for a (grain, name) pair, even across remove and register again.
/// </summary>
public interface IReminderTable
{
    Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The reminders of the given partitions that may be due before <paramref name="dueBefore"/>: one-shot reminders
    /// whose <see cref="ReminderEntry.StartAt"/> is earlier, and every periodic reminder.
    /// </summary>
    Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(IReadOnlyCollection<int> partitions, DateTimeOffset dueBefore, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the reminder; returns its new ETag.</summary>
    Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the reminder if its ETag is still <paramref name="etag"/>; false when it was replaced or is gone.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string name, string etag, CancellationToken cancellationToken = default);
}
