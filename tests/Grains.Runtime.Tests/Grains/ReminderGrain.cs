using Grains.Testing;

namespace Grains.Runtime.Tests.Grains;

public sealed class ReminderGrain(Signals signals) : Grain, IReminderGrain
{
    private int _failuresLeft;

    public Task Schedule(string name, DateTimeOffset dueAt) => RegisterOrUpdateReminder(name, dueAt);

    public Task SchedulePeriodic(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);

    public Task Cancel(string name) => UnregisterReminder(name);

    public Task FailNext(int deliveries)
    {
        _failuresLeft = deliveries;
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<string>> Registered() => [.. (await GetReminders()).Select(r => r.ReminderName)];

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            signals.Record($"reminder-failed:{GetPrimaryKeyString()}:{reminderName}", status.CurrentTickTime);
            throw new InvalidOperationException("Delivery refused on purpose.");
        }

        signals.Record($"reminder:{GetPrimaryKeyString()}:{reminderName}", status);
        return Task.CompletedTask;
    }
}
