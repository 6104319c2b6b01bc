using Grains.Testing;

namespace Grains.Sqlite.Tests.Integration;

public sealed class LedgerGrain([PersistentState("ledger")] IPersistentState<LedgerState> ledger, Signals signals) : Grain, ILedgerGrain
{
    public async Task<int> Post(string entry, int amount)
    {
        ledger.State.Balance += amount;
        ledger.State.Entries.Add(entry);
        await ledger.WriteStateAsync();
        return ledger.State.Balance;
    }

    public Task<int> Balance() => Task.FromResult(ledger.State.Balance);

    public Task<IReadOnlyList<string>> Entries() => Task.FromResult<IReadOnlyList<string>>([.. ledger.State.Entries]);

    public Task RemindAt(string name, DateTimeOffset dueAt) => RegisterOrUpdateReminder(name, dueAt);

    public Task RemindEvery(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await Post($"reminder {reminderName} at {status.CurrentTickTime:O}", 0);
        signals.Record($"reminder:{GetPrimaryKeyString()}:{reminderName}", status.CurrentTickTime);
    }
}
