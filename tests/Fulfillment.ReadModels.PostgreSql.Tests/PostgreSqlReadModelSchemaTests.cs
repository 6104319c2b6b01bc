using Grains.PostgreSql;
using Grains.Testing;

namespace Fulfillment.ReadModels.PostgreSql.Tests;

/// <summary>The read-model tables' migrations: created once however many processes start at once, beside the grain tables of the same schema.</summary>
public sealed class PostgreSqlReadModelSchemaTests : IAsyncLifetime
{
    private readonly PostgreSqlTestSchema _schema = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Initialize_FreshSchema_CreatesTheReadModelTablesAndRecordsTheStep()
    {
        await using var store = await TestStores.StartAsync(_schema);

        Assert.Equal("rm_alert_feed rm_alerts rm_marked_orders rm_orders rm_schema_version rm_writers", await TablesAsync());
        Assert.Equal("1:read_models", await _schema.ExecuteScalarAsync("SELECT string_agg(version || ':' || name, ' ' ORDER BY version) FROM rm_schema_version;"));
        Assert.Equal(0L, await _schema.ExecuteScalarAsync("SELECT last_sequence FROM rm_alert_feed;"));
    }

    [Fact]
    public async Task Initialize_InTheGrainsSchema_KeepsBothStepSetsApart()
    {
        await using var grains = PostgreSqlDatabase.Open(_schema.Options());

        await using var store = await TestStores.StartAsync(_schema);

        Assert.Equal(
            "cluster_silos grain_state partition_leases reminders rm_alert_feed rm_alerts rm_marked_orders rm_orders rm_schema_version rm_writers schema_version "
            + "stream_checkpoints "
            + "stream_dead_letters stream_event_ids stream_events stream_heads stream_log",
            await TablesAsync());
        Assert.Equal((long)grains.SchemaVersion, await _schema.ExecuteScalarAsync("SELECT count(*) FROM schema_version;"));
        Assert.Equal(1L, await _schema.ExecuteScalarAsync("SELECT count(*) FROM rm_schema_version;"));
    }

    [Fact]
    public async Task Initialize_ThreeStoresAtOnce_AllStartAndTheStepIsAppliedOnce()
    {
        using var start = new Barrier(3);
        var starting = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await TestStores.StartAsync(_schema);
        })).ToArray();

        var stores = await Task.WhenAll(starting);
        var writers = stores.Select(s => s.WriterId).Distinct().Count();
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.Equal(3, writers);
        Assert.Equal(1L, await _schema.ExecuteScalarAsync("SELECT count(*) FROM rm_schema_version;"));
    }

    [Fact]
    public async Task Initialize_Twice_Throws()
    {
        await using var store = await TestStores.StartAsync(_schema);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MarkedOrdersAsync_BeforeInitialize_Throws()
    {
        await using var store = TestStores.Create(_schema);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.MarkedOrdersAsync(CancellationToken.None));
    }

    [Fact]
    public void Name_NamesServerDatabaseAndSchemaWithoutCredentials()
    {
        var store = new PostgreSqlReadModelStore(new PostgreSqlReadModelOptions
        {
            ConnectionString = "Host=db.example;Port=5433;Database=fulfillment;Username=app;Password=secret",
            Schema = "orders",
        });

        Assert.Equal("db.example:5433/fulfillment/orders", store.Name);
    }

    private async Task<string> TablesAsync() => (string)(await _schema.ExecuteScalarAsync(
        $"SELECT string_agg(table_name, ' ' ORDER BY table_name COLLATE \"C\") FROM information_schema.tables WHERE table_schema = '{_schema.Name}';"))!;
}
