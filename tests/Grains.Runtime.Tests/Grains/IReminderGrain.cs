namespace Grains.Runtime.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task Schedule(string name, DateTimeOffset dueAt);

    Task SchedulePeriodic(string name, TimeSpan dueTime, TimeSpan period);

    Task Cancel(string name);

    /// <summary>The next <paramref name="deliveries"/> reminder deliveries throw.</summary>
    Task FailNext(int deliveries);

    Task<IReadOnlyList<string>> Registered();

    Task Deactivate();
}
