namespace Grains;

/// <summary>A registered reminder as its grain sees it.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }

    /// <summary>When the reminder is (first) due.</summary>
    DateTimeOffset StartAt { get; }

    /// <summary>The period between ticks; <see cref="TimeSpan.Zero"/> for a one-shot reminder.</summary>
    TimeSpan Period { get; }
}
