using Grains.ProviderContracts.Streams;
using Grains.Streams;
using Grains.Testing;

namespace Grains.Sqlite.Tests.Streams;

/// <summary>The stream log contract over a database file of this test's own, reopened from the same file.</summary>
public sealed class SqliteStreamLogContractTests : StreamLogContractTests
{
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new();
    private SqliteDatabase? _database;

    protected override bool IsDurable => true;

    protected override TimeProvider Clock => _clock;

    protected override void AdvanceClock(TimeSpan delta) => _clock.Advance(delta);

    protected override Task<IStreamLog> CreateLogAsync(int partitionCount, StreamStorageOptions options)
    {
        _database = SqliteDatabase.Open(TestDatabases.Options(_directory), timeProvider: _clock);
        return Task.FromResult<IStreamLog>(new SqliteStreamLog(_database, partitionCount, options));
    }

    protected override async Task ReleaseLogAsync(IStreamLog log)
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
