using Grains.Testing;
using Npgsql;

namespace Grains.PostgreSql.Tests;

public sealed class SchemaMigrationTests : IAsyncLifetime
{
    private static readonly string[] ProviderTables =
        ["cluster_silos", "grain_state", "partition_leases", "reminders", "schema_version", "stream_checkpoints", "stream_dead_letters", "stream_event_ids", "stream_events", "stream_heads", "stream_log"];

    private readonly ManualTimeProvider _clock = new();
    private readonly PostgreSqlTestSchema _schema = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Open_FreshSchema_CreatesItAppliesEveryStepAndRecordsEach()
    {
        await using var database = PostgreSqlDatabase.Open(_schema.Options(), timeProvider: _clock);

        Assert.Equal(SchemaMigrations.All.Count, database.SchemaVersion);
        Assert.Equal(SchemaMigrations.All.Select(m => $"{m.Version}:{m.Name}"), await RecordedStepsAsync());
        Assert.Equal(ProviderTables, await TablesAsync());
    }

    [Fact]
    public async Task Open_Again_AppliesNothingAndKeepsTheRecordedSteps()
    {
        var firstOpenedAt = _clock.GetUtcNow().UtcTicks;
        await (PostgreSqlDatabase.Open(_schema.Options(), timeProvider: _clock)).DisposeAsync();
        _clock.Advance(TimeSpan.FromHours(1));

        await using var reopened = PostgreSqlDatabase.Open(_schema.Options(), timeProvider: _clock);

        Assert.Equal(SchemaMigrations.All.Count, reopened.SchemaVersion);
        Assert.Equal(SchemaMigrations.All.Count, Convert.ToInt32(await _schema.ExecuteScalarAsync("SELECT COUNT(*) FROM schema_version;")));
        Assert.Equal(firstOpenedAt, await _schema.ExecuteScalarAsync("SELECT MAX(applied_at) FROM schema_version;"));
    }

    [Fact]
    public async Task Open_TwoStartersAtOnce_BothSucceedAndEachStepIsAppliedOnce()
    {
        using var start = new Barrier(2);
        var starters = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return PostgreSqlDatabase.Open(_schema.Options(), timeProvider: _clock);
        })).ToArray();

        var databases = await Task.WhenAll(starters);
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }

        Assert.All(databases, d => Assert.Equal(SchemaMigrations.All.Count, d.SchemaVersion));
        Assert.Equal(SchemaMigrations.All.Select(m => $"{m.Version}:{m.Name}"), await RecordedStepsAsync());
        Assert.Equal(ProviderTables, await TablesAsync());
    }

    [Fact]
    public async Task Open_SchemaNewerThanThisBuild_IsRefused()
    {
        await (PostgreSqlDatabase.Open(_schema.Options(), timeProvider: _clock)).DisposeAsync();
        await _schema.ExecuteScalarAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', 0);");

        var error = Assert.Throws<InvalidOperationException>(() => PostgreSqlDatabase.Open(_schema.Options(), timeProvider: _clock));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"({SchemaMigrations.All.Count})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FailingStep_RollsBackEveryStepOfTheStart()
    {
        SchemaMigration[] migrations = [.. SchemaMigrations.All, new(SchemaMigrations.All.Count + 1, "broken", "CREATE TABLE broken (;")];
        using var metrics = new PostgreSqlMetrics(null);

        Assert.Throws<PostgresException>(() => PostgreSqlDatabase.Open(_schema.Options(), migrations, metrics, ownsMetrics: false, null, _clock));

        Assert.Equal(0L, await _schema.ExecuteScalarAsync($"SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '{_schema.Name}';"));
    }

    private async Task<string[]> RecordedStepsAsync() =>
        ((string)(await _schema.ExecuteScalarAsync("SELECT string_agg(version || ':' || name, ',' ORDER BY version) FROM schema_version;"))!).Split(',');

    private async Task<string[]> TablesAsync() =>
        ((string)(await _schema.ExecuteScalarAsync(
            $"SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = '{_schema.Name}';"))!).Split(',');
}
