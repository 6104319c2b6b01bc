using Fulfillment.ReadModels.Contracts;

namespace Fulfillment.ReadModels.Sqlite.Tests;

/// <summary>The read-model store contract over a SQLite file of this test's own, reopened from the same file.</summary>
public sealed class SqliteReadModelStoreContractTests : ReadModelStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fulfillment-readmodels-").FullName;

    protected override IReadModelStore CreateStore() =>
        new SqliteReadModelStore(new SqliteReadModelOptions { DataSource = Path.Combine(_directory, "readmodels.db") });

    protected override Task DeleteDatabaseAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
