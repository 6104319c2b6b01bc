using Grains.ProviderContracts.Cluster;
using Grains.Runtime.Cluster;

namespace Grains.PostgreSql.Tests.Contracts;

/// <summary>Lease managers sharing a PostgreSQL cluster store on a schema of this test's own.</summary>
public sealed class PostgreSqlPartitionOwnershipTests : PartitionOwnershipContractTests
{
    private readonly TestDatabase _database = new();
    private PostgreSqlDatabase? _open;

    protected override IClusterStore OpenStore() => new PostgreSqlClusterStore(_open ??= _database.Open());

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
