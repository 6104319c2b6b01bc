using Grains.Hosting;
using Grains.Reminders;
using Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grains.Sqlite.Tests;

public sealed class SqliteSiloBuilderExtensionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ServiceCollection _services = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AddSqliteGrainStorage_Name_RegistersKeyedProviderOnConfiguredFile()
    {
        var dataSource = _directory.File("carts.db");
        new TestSiloBuilder(_services).AddSqliteGrainStorage("Carts", o => o.DataSource = dataSource);
        await using var provider = _services.BuildServiceProvider();

        var storage = Assert.IsType<SqliteGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>("Carts"));

        Assert.Equal(dataSource, storage.Database.DataSource);
        Assert.Null(provider.GetKeyedService<IGrainStorage>(GrainStorageNames.Default));
    }

    [Fact]
    public async Task AddSqliteGrainStorageAsDefault_NoName_RegistersUnderDefaultName()
    {
        new TestSiloBuilder(_services).AddSqliteGrainStorageAsDefault(o => o.DataSource = _directory.File("grains.db"));
        await using var provider = _services.BuildServiceProvider();

        Assert.IsType<SqliteGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default));
    }

    [Fact]
    public async Task AddSqliteGrainStorage_SameDataSource_ProvidersShareOneDatabase()
    {
        var dataSource = _directory.File("shared.db");
        new TestSiloBuilder(_services)
            .AddSqliteGrainStorage("A", o => o.DataSource = dataSource)
            .AddSqliteGrainStorage("B", o => o.DataSource = Path.Combine(_directory.Path, ".", "shared.db"))
            .AddSqliteGrainStorage("C", o => o.DataSource = _directory.File("other.db"))
            .UseSqliteReminderService(o => o.DataSource = dataSource);
        await using var provider = _services.BuildServiceProvider();

        var a = (SqliteGrainStorage)provider.GetRequiredKeyedService<IGrainStorage>("A");
        var b = (SqliteGrainStorage)provider.GetRequiredKeyedService<IGrainStorage>("B");
        var c = (SqliteGrainStorage)provider.GetRequiredKeyedService<IGrainStorage>("C");
        var reminders = (SqliteReminderTable)provider.GetRequiredService<IReminderTable>();

        Assert.NotSame(a, b);
        Assert.Same(a.Database, b.Database);
        Assert.Same(a.Database, reminders.Database);
        Assert.NotSame(a.Database, c.Database);
    }

    [Fact]
    public async Task AddSqliteGrainStorage_SameDataSourceOtherSettings_ThrowsNamingBoth()
    {
        var dataSource = _directory.File("shared.db");
        new TestSiloBuilder(_services)
            .AddSqliteGrainStorage("A", o => o.DataSource = dataSource)
            .AddSqliteGrainStorage("B", o => { o.DataSource = dataSource; o.Synchronous = SqliteSynchronousMode.Normal; });
        await using var provider = _services.BuildServiceProvider();
        provider.GetRequiredKeyedService<IGrainStorage>("A");

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<IGrainStorage>("B"));

        Assert.Contains("Synchronous=Full", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Synchronous=Normal", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSqliteGrainStorage_SameDataSourceOtherWriterTuning_ThrowsNamingBoth()
    {
        var dataSource = _directory.File("shared.db");
        new TestSiloBuilder(_services)
            .AddSqliteGrainStorage("A", o => o.DataSource = dataSource)
            .AddSqliteGrainStorage("B", o => { o.DataSource = dataSource; o.CacheSizeKiB = 4096; o.WalAutoCheckpointPages = 500; });
        await using var provider = _services.BuildServiceProvider();
        provider.GetRequiredKeyedService<IGrainStorage>("A");

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<IGrainStorage>("B"));

        Assert.Contains("CacheSizeKiB=65536, WalAutoCheckpointPages=10000; another provider asks for", exception.Message, StringComparison.Ordinal);
        Assert.Contains("CacheSizeKiB=4096, WalAutoCheckpointPages=500.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSqliteGrainStorage_InvalidOptions_ResolvingThrowsValidationMessage()
    {
        new TestSiloBuilder(_services).AddSqliteGrainStorage("Bad", o => { o.DataSource = _directory.File("x.db"); o.MaxBatchSize = 0; });
        await using var provider = _services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<IGrainStorage>("Bad"));

        Assert.Equal(["Sqlite[Bad]:MaxBatchSize is 0; it must be between 1 and 65536."], exception.Failures);
    }

    [Fact]
    public async Task UseSqliteReminderService_AfterInMemory_ReplacesReminderTable()
    {
        new TestSiloBuilder(_services)
            .UseInMemoryReminderService()
            .UseSqliteReminderService(o => o.DataSource = _directory.File("reminders.db"));
        await using var provider = _services.BuildServiceProvider();

        Assert.Single(_services, d => d.ServiceType == typeof(IReminderTable));
        Assert.IsType<SqliteReminderTable>(provider.GetRequiredService<IReminderTable>());
    }

    [Fact]
    public async Task DisposeAsync_ServiceProvider_CommitsQueuedWritesAndClosesDatabases()
    {
        var dataSource = _directory.File("grains.db");
        new TestSiloBuilder(_services).AddSqliteGrainStorageAsDefault(o => o.DataSource = dataSource);
        var provider = _services.BuildServiceProvider();
        var storage = provider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var write = storage.WriteAsync(new GrainStateKey("t", "k", "s"), new byte[] { 1 }, null);

        await provider.DisposeAsync();

        Assert.Equal("1", await write);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => storage.WriteAsync(new GrainStateKey("t", "k2", "s"), new byte[] { 1 }, null));
        Assert.Equal(1, RawSqlite.Count(dataSource, "SELECT COUNT(*) FROM grain_state;"));
    }
}
