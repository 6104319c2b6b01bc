namespace Grains.Reminders;

/// <summary>A reminder held in memory because it is due within the load window. Replaced, never mutated, when re-registered.</summary>
internal sealed class ScheduledReminder(ReminderEntry entry, DateTimeOffset dueAt, long version)
{
    public ReminderEntry Entry { get; } = entry;

    public DateTimeOffset DueAt { get; set; } = dueAt;

    /// <summary>When this schedule was made, in the service's change counter; loads that started earlier must not overwrite it.</summary>
    public long Version { get; } = version;

    /// <summary>True for an unregistered reminder: a marker that keeps a concurrent load from bringing it back.</summary>
    public bool IsRemoved { get; init; }

    public int FailedAttempts { get; set; }

    public bool Delivering { get; set; }

    public (GrainId, string) Key => (Entry.GrainId, Entry.Name);
}
