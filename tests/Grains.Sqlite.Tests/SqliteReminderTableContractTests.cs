using Grains.ProviderContracts;
using Grains.Reminders;

namespace Grains.Sqlite.Tests;

/// <summary>The reminder table contract over a database file of this test's own, reopened from the same file.</summary>
public sealed class SqliteReminderTableContractTests : ReminderTableContractTests
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase? _database;

    protected override bool IsDurable => true;

    protected override Task<IReminderTable> CreateTableAsync()
    {
        _database = SqliteDatabase.Open(TestDatabases.Options(_directory));
        return Task.FromResult<IReminderTable>(new SqliteReminderTable(_database));
    }

    protected override async Task ReleaseTableAsync(IReminderTable table)
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
            _database = null;
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
