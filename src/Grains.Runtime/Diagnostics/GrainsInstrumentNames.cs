namespace Grains.Runtime.Diagnostics;

/// <summary>The runtime's meter and instrument names, in one place so dashboards and tests agree.</summary>
public static class GrainsInstrumentNames
{
    public const string MeterName = "Grains.Runtime";
    public const string Activations = "grains.activations";
    public const string ActivationsCreated = "grains.activations.created";
    public const string ActivationsDeactivated = "grains.activations.deactivated";
    public const string Calls = "grains.calls";
    public const string CallDuration = "grains.call.duration";
    public const string CallsRefused = "grains.calls.refused";
    public const string CallsTimedOut = "grains.calls.timed_out";
    public const string MailboxDepth = "grains.mailbox.depth";
    public const string StateWriteDuration = "grains.state.write.duration";
    public const string RemindersFired = "grains.reminders.fired";
    public const string RemindersFailed = "grains.reminders.failed";
}
