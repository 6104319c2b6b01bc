using Grains.ProviderContracts;
using Grains.Reminders;

namespace Grains.PostgreSql.Tests.Contracts;

/// <summary>The reminder table contract over a schema of this test's own, reopened over the same schema.</summary>
public sealed class PostgreSqlReminderTableContractTests : ReminderTableContractTests
{
    private readonly TestDatabase _database = new();

    protected override bool IsDurable => true;

    protected override Task<IReminderTable> CreateTableAsync() => Task.FromResult<IReminderTable>(new PostgreSqlReminderTable(_database.Open()));

    protected override Task ReleaseTableAsync(IReminderTable table) => _database.CloseAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
