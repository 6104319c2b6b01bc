using Grains.ProviderContracts;
using Grains.Storage;

namespace Grains.Sqlite.Tests;

/// <summary>The storage contract over a database file of this test's own, reopened from the same file.</summary>
public sealed class SqliteGrainStorageContractTests : GrainStorageContractTests
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase? _database;

    protected override bool IsDurable => true;

    protected override Task<IGrainStorage> CreateStorageAsync()
    {
        _database = SqliteDatabase.Open(TestDatabases.Options(_directory));
        return Task.FromResult<IGrainStorage>(new SqliteGrainStorage(_database));
    }

    protected override async Task ReleaseStorageAsync(IGrainStorage storage)
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
