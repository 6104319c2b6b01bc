using Grains.ProviderContracts.Streams;
using Grains.Streams;
using Grains.Testing;

namespace Grains.PostgreSql.Tests.Contracts;

/// <summary>The checkpoint store contract over a schema of this test's own, reopened over the same schema.</summary>
public sealed class PostgreSqlCheckpointStoreContractTests : CheckpointStoreContractTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly TestDatabase _database;

    public PostgreSqlCheckpointStoreContractTests() => _database = new TestDatabase(_clock);

    protected override bool IsDurable => true;

    protected override TimeProvider Clock => _clock;

    protected override void AdvanceClock(TimeSpan delta) => _clock.Advance(delta);

    protected override Task<ICheckpointStore> CreateStoreAsync() => Task.FromResult<ICheckpointStore>(new PostgreSqlCheckpointStore(_database.Open()));

    protected override Task ReleaseStoreAsync(ICheckpointStore store) => _database.CloseAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
