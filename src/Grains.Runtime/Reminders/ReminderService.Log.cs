using Microsoft.Extensions.Logging;

namespace Grains.Reminders;

internal sealed partial class ReminderService
{
    [LoggerMessage(1201, LogLevel.Debug, "Reminder {Name} of {GrainId} delivered (due {DueAt:o})")]
    private partial void LogDelivered(GrainId grainId, string name, DateTimeOffset dueAt);

    [LoggerMessage(1202, LogLevel.Warning, "Reminder {Name} of {GrainId} could not be delivered; it will be retried")]
    private partial void LogDeliveryFailed(GrainId grainId, string name, Exception error);

    [LoggerMessage(1203, LogLevel.Error, "Loading due reminders from the reminder table failed; the next load retries")]
    private partial void LogLoadFailed(Exception error);
}
