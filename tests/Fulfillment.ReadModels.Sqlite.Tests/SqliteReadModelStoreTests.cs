using static Fulfillment.ReadModels.Contracts.ReadModelRows;

namespace Fulfillment.ReadModels.Sqlite.Tests;

/// <summary>What only the SQLite store does: where its file goes, and a store that lives as long as the process.</summary>
public sealed class SqliteReadModelStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fulfillment-readmodels-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task InitializeAsync_MissingDirectory_CreatesItAndTheFile()
    {
        var file = Path.Combine(_directory, "nested", "deeper", "readmodels.db");
        await using var store = new SqliteReadModelStore(new SqliteReadModelOptions { DataSource = file });

        await store.InitializeAsync(CancellationToken.None);

        Assert.Equal(Path.GetFullPath(file), store.DataSource);
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task DisposeAsync_DeleteOnDispose_RemovesTheFileAndItsJournal()
    {
        var file = Path.Combine(_directory, "temporary.db");
        var store = new SqliteReadModelStore(new SqliteReadModelOptions { DataSource = file, FullSync = false, DeleteOnDispose = true });
        await store.InitializeAsync(CancellationToken.None);
        await store.ApplyAsync(Batch([Order("o-1")], mark: ["o-1"]), CancellationToken.None);

        await store.DisposeAsync();

        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task DisposeAsync_Default_KeepsTheFile()
    {
        var file = Path.Combine(_directory, "kept.db");
        var store = new SqliteReadModelStore(new SqliteReadModelOptions { DataSource = file });
        await store.InitializeAsync(CancellationToken.None);

        await store.DisposeAsync();

        Assert.True(File.Exists(file));
    }
}
