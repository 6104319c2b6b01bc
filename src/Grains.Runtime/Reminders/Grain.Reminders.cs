namespace Grains;

public abstract partial class Grain
{
    /// <summary>
    /// Registers (or moves) a durable periodic reminder: it survives deactivation and restarts, and wakes the grain
    /// through <see cref="IRemindable.ReceiveReminder"/> even when it is not in memory.
    /// </summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        return RegisterReminderCore(reminderName, Activation.Runtime.Time.GetUtcNow() + dueTime, period);
    }

    /// <summary>Registers (or moves) a durable one-shot reminder due after <paramref name="dueTime"/>; it is removed once delivered.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime) =>
        RegisterReminderCore(reminderName, Activation.Runtime.Time.GetUtcNow() + dueTime, TimeSpan.Zero);

    /// <summary>Registers (or moves) a durable one-shot reminder due at <paramref name="dueAt"/>; it is removed once delivered.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, DateTimeOffset dueAt) =>
        RegisterReminderCore(reminderName, dueAt, TimeSpan.Zero);

    protected Task UnregisterReminder(IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return UnregisterReminder(reminder.ReminderName);
    }

    protected Task UnregisterReminder(string reminderName) =>
        Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminderName, Activation.Fence);

    protected async Task<IGrainReminder?> GetReminder(string reminderName) =>
        await Activation.Runtime.Reminders.GetAsync(GrainId, reminderName).ConfigureAwait(false);

    protected async Task<IReadOnlyList<IGrainReminder>> GetReminders() =>
        [.. await Activation.Runtime.Reminders.GetAllAsync(GrainId).ConfigureAwait(false)];

    private Task<IGrainReminder> RegisterReminderCore(string reminderName, DateTimeOffset startAt, TimeSpan period)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"Grain class {GetType().Name} registers reminder '{reminderName}' but does not implement IRemindable.");
        }

        return Activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, startAt, period, Activation.Fence);
    }
}
