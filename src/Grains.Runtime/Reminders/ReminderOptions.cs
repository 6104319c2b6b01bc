namespace Grains.Reminders;

/// <summary>Options of the reminder service.</summary>
public sealed class ReminderOptions
{
    /// <summary>
    /// Reminders due within this window are held in memory and fired by a timer; later ones wait in the table and are
    /// loaded as the window moves. Default 10 min.
    /// </summary>
    public TimeSpan LoadWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Shortest period a periodic reminder may have. Default 1 min; one-shot reminders have no period.</summary>
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>First wait before a failed one-shot delivery is retried; it doubles up to <see cref="MaximumRetryDelay"/>. Default 1 s.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between retries of a failed delivery. Default 1 min.</summary>
    public TimeSpan MaximumRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
