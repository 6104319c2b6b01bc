using Grains.ProviderContracts.Streams;
using Grains.Streams;
using Grains.Testing;

namespace Grains.PostgreSql.Tests.Contracts;

/// <summary>The stream log contract over a schema of this test's own, reopened over the same schema.</summary>
public sealed class PostgreSqlStreamLogContractTests : StreamLogContractTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly TestDatabase _database;

    public PostgreSqlStreamLogContractTests() => _database = new TestDatabase(_clock);

    protected override bool IsDurable => true;

    protected override TimeProvider Clock => _clock;

    protected override void AdvanceClock(TimeSpan delta) => _clock.Advance(delta);

    protected override Task<IStreamLog> CreateLogAsync(int partitionCount, StreamStorageOptions options) =>
        Task.FromResult<IStreamLog>(new PostgreSqlStreamLog(_database.Open(), partitionCount, options));

    protected override async Task ReleaseLogAsync(IStreamLog log)
    {
        await ((PostgreSqlStreamLog)log).DisposeAsync();
        await _database.CloseAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
