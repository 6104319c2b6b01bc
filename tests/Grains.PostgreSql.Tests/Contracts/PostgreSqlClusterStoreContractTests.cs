using Grains.ProviderContracts.Cluster;
using Grains.Runtime.Cluster;

namespace Grains.PostgreSql.Tests.Contracts;

/// <summary>
/// The cluster store contract over a schema of this test's own; contenders use a second database instance (their own
/// connection pool), as another silo process would.
/// </summary>
public sealed class PostgreSqlClusterStoreContractTests : ClusterStoreContractTests
{
    private readonly TestDatabase _database = new();
    private readonly List<PostgreSqlDatabase> _contenders = [];

    protected override bool IsDurable => true;

    protected override Task<IClusterStore> CreateStoreAsync() => Task.FromResult<IClusterStore>(new PostgreSqlClusterStore(_database.Open()));

    protected override Task ReleaseStoreAsync(IClusterStore store) => _database.CloseAsync();

    protected override Task<IClusterStore> OpenContenderAsync()
    {
        var contender = PostgreSqlDatabase.Open(_database.Schema.Options());
        _contenders.Add(contender);
        return Task.FromResult<IClusterStore>(new PostgreSqlClusterStore(contender));
    }

    public override async Task DisposeAsync()
    {
        foreach (var contender in _contenders)
        {
            await contender.DisposeAsync();
        }

        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
