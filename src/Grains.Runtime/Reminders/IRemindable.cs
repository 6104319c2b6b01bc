namespace Grains;

/// <summary>Implemented by grains that register reminders: the runtime calls it when a reminder is due, activating the grain if needed.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
