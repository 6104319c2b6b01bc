using Grains.ProviderContracts.Streams;
using Grains.Streams;
using Grains.Testing;

namespace Grains.Sqlite.Tests.Streams;

/// <summary>The checkpoint store contract over a database file of this test's own, reopened from the same file.</summary>
public sealed class SqliteCheckpointStoreContractTests : CheckpointStoreContractTests
{
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new();
    private SqliteDatabase? _database;

    protected override bool IsDurable => true;

    protected override TimeProvider Clock => _clock;

    protected override void AdvanceClock(TimeSpan delta) => _clock.Advance(delta);

    protected override Task<ICheckpointStore> CreateStoreAsync()
    {
        _database = SqliteDatabase.Open(TestDatabases.Options(_directory), timeProvider: _clock);
        return Task.FromResult<ICheckpointStore>(new SqliteCheckpointStore(_database));
    }

    protected override async Task ReleaseStoreAsync(ICheckpointStore store)
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
