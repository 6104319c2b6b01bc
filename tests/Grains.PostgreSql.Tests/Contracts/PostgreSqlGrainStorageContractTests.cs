using Grains.ProviderContracts;
using Grains.Storage;

namespace Grains.PostgreSql.Tests.Contracts;

/// <summary>The storage contract over a schema of this test's own, reopened over the same schema.</summary>
public sealed class PostgreSqlGrainStorageContractTests : GrainStorageContractTests
{
    private readonly TestDatabase _database = new();

    protected override bool IsDurable => true;

    protected override Task<IGrainStorage> CreateStorageAsync() => Task.FromResult<IGrainStorage>(new PostgreSqlGrainStorage(_database.Open()));

    protected override Task ReleaseStorageAsync(IGrainStorage storage) => _database.CloseAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
