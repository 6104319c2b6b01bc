using Fulfillment.ReadModels.Contracts;
using Grains.Testing;

namespace Fulfillment.ReadModels.PostgreSql.Tests;

/// <summary>The read-model store contract over a schema of this test's own, reopened (a new writer) over the same schema.</summary>
public sealed class PostgreSqlReadModelStoreContractTests : ReadModelStoreContractTests
{
    private readonly PostgreSqlTestSchema _schema = new();

    protected override IReadModelStore CreateStore() => TestStores.Create(_schema);

    protected override async Task DeleteDatabaseAsync() => await _schema.DisposeAsync();
}
