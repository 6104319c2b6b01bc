namespace Grains.Sqlite.Tests.Integration;

/// <summary>A grain whose state and reminders live in SQLite, to prove both outlive the process that wrote them.</summary>
public interface ILedgerGrain : IGrainWithStringKey, IRemindable
{
    Task<int> Post(string entry, int amount);

    [ReadOnly]
    Task<int> Balance();

    [ReadOnly]
    Task<IReadOnlyList<string>> Entries();

    Task RemindAt(string name, DateTimeOffset dueAt);

    Task RemindEvery(string name, TimeSpan dueTime, TimeSpan period);
}
