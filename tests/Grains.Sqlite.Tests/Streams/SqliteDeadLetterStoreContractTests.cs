using Grains.ProviderContracts.Streams;
using Grains.Streams;

namespace Grains.Sqlite.Tests.Streams;

/// <summary>The dead-letter store contract over a database file of this test's own, reopened from the same file.</summary>
public sealed class SqliteDeadLetterStoreContractTests : DeadLetterStoreContractTests
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase? _database;

    protected override bool IsDurable => true;

    protected override Task<IDeadLetterStore> CreateStoreAsync()
    {
        _database = SqliteDatabase.Open(TestDatabases.Options(_directory));
        return Task.FromResult<IDeadLetterStore>(new SqliteDeadLetterStore(_database));
    }

    protected override async Task ReleaseStoreAsync(IDeadLetterStore store)
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
