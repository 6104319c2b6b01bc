using System.Text.Json;
using Fulfillment.Bench.Cli;
using Fulfillment.Bench.Grains;
using Fulfillment.Bench.Hosting;
using Fulfillment.Bench.Measurement;
using Fulfillment.Bench.Results;
using Grains.Hosting;
using Grains.Sqlite;

namespace Fulfillment.Bench.Scenarios;

/// <summary>
/// Durable grain state writes to SQLite (or, with <c>--postgres</c>, to PostgreSQL): concurrent writers call random
/// grains whose method changes a small state and awaits <c>WriteStateAsync</c>. A call completes only after the
/// write's batch committed.
/// </summary>
internal sealed class StateWritesScenario : IScenario
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);

    public string Name => StateWritesResult.ScenarioName;

    public string Description => "Durable SQLite (or PostgreSQL) state writes through grains: writes/s and per-call latency.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("seconds", "N", "measured seconds (default 10, after 2 s warm-up)"),
        new("grains", "N", "distinct grains written (default 2000)"),
        new("writers", "N", "concurrent writer loops (default 256)"),
        new("data-dir", "PATH", "directory of the database, kept afterwards (default: a fresh temp directory, deleted afterwards)"),
        new("synchronous", "MODE", "full (default: a write survives power loss) or normal (survives a process crash)"),
        new("postgres", "CONNECTION", "write to PostgreSQL instead: a fresh schema on this Npgsql connection string, dropped afterwards"),
    ];

    public async Task<ScenarioResult> RunAsync(ScenarioOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var seconds = options.GetSeconds("seconds", 10);
        var grainCount = options.GetInt32("grains", 2_000, min: 1);
        var writerCount = options.GetInt32("writers", 256, min: 1, max: 65_536);
        var dataDir = options.GetString("data-dir");
        var synchronous = options.GetString("synchronous") switch
        {
            null or "full" => SqliteSynchronousMode.Full,
            "normal" => SqliteSynchronousMode.Normal,
            var other => throw new UsageException($"--synchronous must be full or normal; got '{other}'."),
        };

        if (options.GetString("postgres") is { } connectionString)
        {
            return await RunOnPostgreSqlAsync(connectionString, grainCount, writerCount, TimeSpan.FromSeconds(seconds), progress, cancellationToken)
                .ConfigureAwait(false);
        }

        var ownsDirectory = dataDir is null;
        var directory = dataDir ?? Path.Combine(Path.GetTempPath(), $"fulfillment-bench-{Guid.NewGuid():N}");
        try
        {
            var storage = new BenchStorage(
                silo => silo.AddSqliteGrainStorageAsDefault(o =>
                {
                    o.DataSource = Path.Combine(directory, "bench.db");
                    o.Synchronous = synchronous;
                }),
                CommitInstruments.Sqlite,
                synchronous.ToString().ToLowerInvariant(),
                directory);
            return await RunAsync(storage, grainCount, writerCount, TimeSpan.FromSeconds(seconds), progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (ownsDirectory && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<StateWritesResult> RunOnPostgreSqlAsync(
        string connectionString,
        int grainCount,
        int writerCount,
        TimeSpan duration,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        await using var schema = new BenchSchema(connectionString);
        var storage = new BenchStorage(
            silo => silo.AddPostgreSqlGrainStorageAsDefault(o =>
            {
                o.ConnectionString = schema.ConnectionString;
                o.Schema = schema.Name;
            }),
            CommitInstruments.PostgreSql,
            "full",
            $"postgresql schema {schema.Name}");
        return await RunAsync(storage, grainCount, writerCount, duration, progress, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<StateWritesResult> RunAsync(
        BenchStorage storage,
        int grainCount,
        int writerCount,
        TimeSpan duration,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        using var probe = new MetricProbe(storage.Instruments.Names);
        await using var silo = await BenchSilo.StartAsync(
            silo =>
            {
                storage.Configure(silo);
                silo.AddJsonTypeInfoResolver(BenchStateJsonContext.Default);
            },
            cancellationToken).ConfigureAwait(false);

        var grains = new IStateWriteGrain[grainCount];
        for (var i = 0; i < grains.Length; i++)
        {
            grains[i] = silo.GrainFactory.GetGrain<IStateWriteGrain>($"state-{i}");
        }

        progress.WriteLine($"Activating and writing {grainCount} grains once...");
        await Partitioned.RunAsync(grainCount, Math.Min(writerCount, grainCount), async i => await grains[i].Write(-1).ConfigureAwait(false))
            .ConfigureAwait(false);

        progress.WriteLine($"{writerCount} writers, {Warmup.TotalSeconds} s warm-up, {duration.TotalSeconds} s measured...");
        var load = new WriteLoad(grains, writerCount, progress);
        await Task.Delay(Warmup, cancellationToken).ConfigureAwait(false);
        var window = await load.MeasureAsync(probe, storage.Instruments, duration, cancellationToken).ConfigureAwait(false);

        await silo.StopAsync().ConfigureAwait(false);
        var latency = window.Latency;
        return new StateWritesResult(
            WritesPerSec: Format.Round(window.Writes / window.Gc.Seconds, 0),
            P99Ms: Format.Round(latency.PercentileMicroseconds(99) / 1000),
            Writers: writerCount,
            Grains: grainCount,
            Seconds: Format.Round(window.Gc.Seconds),
            Writes: window.Writes,
            Errors: window.Errors,
            P50Ms: Format.Round(latency.PercentileMicroseconds(50) / 1000),
            P90Ms: Format.Round(latency.PercentileMicroseconds(90) / 1000),
            P999Ms: Format.Round(latency.PercentileMicroseconds(99.9) / 1000),
            MaxMs: Format.Round(latency.MaxMicroseconds / 1000),
            StateBytes: StateBytes(),
            Synchronous: storage.Synchronous,
            Commits: window.Commits.Count,
            MeanBatchSize: Format.Round(window.Commits.MeanWritesPerCommit, 1),
            MeanCommitMs: Format.Round(window.Commits.MeanCommitMs),
            BytesPerWrite: Format.Round(window.Writes == 0 ? 0 : (double)window.Gc.AllocatedBytes / window.Writes, 0),
            DataDir: storage.Location,
            BusyCores: Format.Round(window.Gc.BusyCores, 2));
    }

    // The size of a typical state as the grain writes it (the runtime's options name properties as declared).
    private static int StateBytes() => JsonSerializer.SerializeToUtf8Bytes(
        new BenchState { Version = 123_456, LastWriter = 200, Quantity = 42, UpdatedAtTicks = DateTime.UtcNow.Ticks },
        BenchStateJsonContext.Default.BenchState).Length;
}
