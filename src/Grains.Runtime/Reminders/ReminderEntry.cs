namespace Grains.Reminders;

/// <summary>
/// One durable reminder row. <see cref="Period"/> zero means one-shot: it is removed after a successful delivery.
/// <see cref="Partition"/> is the grain's partition, so a silo loads only the reminders of partitions it owns.
/// </summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, int Partition, string? ETag = null)
    : IGrainReminder
{
    public string ReminderName => Name;

    public bool IsOneShot => Period == TimeSpan.Zero;

    /// <summary>The first tick at or after <paramref name="now"/> (or <see cref="StartAt"/> if that is later).</summary>
    public DateTimeOffset NextTickAtOrAfter(DateTimeOffset now)
    {
        if (IsOneShot || now <= StartAt)
        {
            return StartAt;
        }

        var elapsedPeriods = (now - StartAt).Ticks / Period.Ticks;
        var candidate = StartAt + TimeSpan.FromTicks(elapsedPeriods * Period.Ticks);
        return candidate < now ? candidate + Period : candidate;
    }
}
