using Grains.ProviderContracts;
using Grains.Reminders;

namespace Grains.Runtime.Tests.Providers;

/// <summary>The reminder table contract for the in-memory table, whose reminders live exactly as long as its instance.</summary>
public sealed class MemoryReminderTableContractTests : ReminderTableContractTests
{
    protected override bool IsDurable => false;

    protected override Task<IReminderTable> CreateTableAsync() => Task.FromResult<IReminderTable>(new MemoryReminderTable());
}
