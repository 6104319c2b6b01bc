using System.Diagnostics;
using Fulfillment.Bench.Cli;
using Fulfillment.Bench.Hosting;
using Fulfillment.Bench.Ingest;
using Fulfillment.Bench.Measurement;
using Fulfillment.Bench.Results;
using Fulfillment.Bench.StreamLog;
using Grains.Hosting;
using Grains.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Bench.Scenarios;

/// <summary>
/// The stream substrate on its own: a silo whose only subscriber counts events, appenders writing batches straight to
/// its stream log (what the ingestion endpoint does once a request is parsed), the pulling agents delivering each
/// event, then one reader catching up on the whole log. Apart from <c>ingest</c>, no HTTP and no domain grains: the
/// figures bound what the log and the agents can carry.
/// </summary>
internal sealed class StreamLogScenario : IScenario
{
    // Room for 2^31 events; the probe only allocates what is appended (8 bytes per event).
    private const long ProbeCapacity = 1L << 31;

    public string Name => StreamLogResult.ScenarioName;

    public string Description => "Appends straight to the stream log while agents deliver to a counting grain: events/s appended and applied, then read back.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("log", "sqlite|memory|postgres", "the stream log (default sqlite, in a fresh temp directory deleted afterwards)"),
        new("postgres", "CONNECTION", "with --log postgres: the Npgsql connection string; a fresh schema is used and dropped afterwards"),
        new("seconds", "N", "measured seconds (default 10, after a warm-up that lasts until the JIT settles)"),
        new("appenders", "N", "concurrent appenders (default 16)"),
        new("batch", "N", "events per append (default 500)"),
        new("body", "N", "bytes per event body (default 200)"),
        new("keys", "N", "distinct keys (default 10000)"),
        new("read-batch", "N", "events per read when reading the log back (default 256)"),
    ];

    public async Task<ScenarioResult> RunAsync(ScenarioOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var log = options.GetString("log") ?? "sqlite";
        var postgres = options.GetString("postgres");
        if (log is not ("sqlite" or "memory" or "postgres"))
        {
            throw new UsageException($"--log must be sqlite, memory or postgres; got '{log}'.");
        }

        if ((log == "postgres") != (postgres is not null))
        {
            throw new UsageException("--postgres CONNECTION goes with --log postgres, and --log postgres needs it.");
        }

        var settings = new StreamLogSettings(
            log,
            TimeSpan.FromSeconds(options.GetSeconds("seconds", 10)),
            options.GetInt32("appenders", 16, min: 1, max: 1_024),
            options.GetInt32("batch", 500, min: 1, max: 10_000),
            options.GetInt32("body", 200, min: 40, max: 1 << 20),
            options.GetInt32("keys", 10_000, min: 1, max: 10_000_000),
            options.GetInt32("read-batch", 256, min: 1, max: 100_000));

        using var directory = new TempDirectory();
        await using var schema = postgres is null ? null : new BenchSchema(postgres);
        Action<ISiloBuilder> streams = log switch
        {
            "memory" => silo => silo.UseInMemoryStreams(),
            "postgres" => silo => silo.UsePostgreSqlStreams(o =>
            {
                o.ConnectionString = schema!.ConnectionString;
                o.Schema = schema.Name;
            }),
            _ => silo => silo.UseSqliteStreams(o => o.DataSource = directory.File("streams.db")),
        };
        var instruments = log == "postgres" ? CommitInstruments.PostgreSql : CommitInstruments.Sqlite;
        return await RunAsync(settings, streams, instruments, progress, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<StreamLogResult> RunAsync(
        StreamLogSettings settings, Action<ISiloBuilder> streams, CommitInstruments instruments, TextWriter progress, CancellationToken cancellationToken)
    {
        using var metrics = new MetricProbe(instruments.Names);
        var probe = new IngestProbe(ProbeCapacity);
        await using var silo = await BenchSilo.StartAsync(
            silo =>
            {
                streams(silo);
                silo.Services.AddSingleton(probe);
            },
            cancellationToken).ConfigureAwait(false);
        var streamLog = silo.Services.GetRequiredService<IStreamLog>();
        var load = new AppendLoad(streamLog, probe, settings.Appenders, settings.Batch, settings.Keys, settings.BodyBytes);
        var drainTimeout = TimeSpan.FromSeconds(60) + 10 * settings.Duration;

        progress.WriteLine($"{settings.Log} log, {streamLog.PartitionCount} partitions: {settings.Appenders} appenders, batches of {settings.Batch}, {settings.Keys} keys.");
        var warmup = await JitWarmup.RunAsync(
            async (slice, cancel) =>
            {
                var window = await load.RunAsync(slice, cancel).ConfigureAwait(false);
                await DrainAsync(probe, load.Appended, drainTimeout, cancel).ConfigureAwait(false);
                return $"{window.Events:N0} events in a slice";
            },
            progress,
            cancellationToken).ConfigureAwait(false);

        progress.WriteLine($"Appending flat out for {settings.Duration.TotalSeconds} s, then until every event is applied...");
        metrics.Reset();
        var gcStart = GcSnapshot.Take();
        var machineStart = MachineCpu.BusyTime();
        var measured = await load.RunAsync(settings.Duration, cancellationToken).ConfigureAwait(false);
        await DrainAsync(probe, load.Appended, drainTimeout, cancellationToken).ConfigureAwait(false);
        var drained = Stopwatch.GetTimestamp();
        var gc = gcStart.Until(GcSnapshot.Take());
        var machineBusy = MachineCpu.BusyCoresSince(machineStart, gc.Elapsed);
        var commits = StorageCommits.Read(metrics, instruments);

        progress.WriteLine("Reading the whole log back...");
        var (readEvents, readElapsed) = await ReadBack.RunAsync(streamLog, settings.ReadBatch, cancellationToken).ConfigureAwait(false);
        await silo.StopAsync().ConfigureAwait(false);

        var appendSeconds = Stopwatch.GetElapsedTime(measured.Started, measured.LastAck).TotalSeconds;
        var appliedSeconds = Stopwatch.GetElapsedTime(measured.Started, drained).TotalSeconds;
        return new StreamLogResult(
            Log: settings.Log,
            AppendEventsPerSec: Format.Round(measured.Events / appendSeconds, 0),
            AppliedEventsPerSec: Format.Round(measured.Events / appliedSeconds, 0),
            AppendP50Ms: Format.Milliseconds(measured.Latency.PercentileMicroseconds(50)),
            AppendP99Ms: Format.Milliseconds(measured.Latency.PercentileMicroseconds(99)),
            ReadEventsPerSec: Format.Round(readEvents / readElapsed.TotalSeconds, 0),
            Appenders: settings.Appenders,
            Batch: settings.Batch,
            BodyBytes: settings.BodyBytes,
            Keys: settings.Keys,
            Partitions: streamLog.PartitionCount,
            Seconds: Format.Round(appendSeconds),
            Events: measured.Events,
            DrainMs: Format.Round(Stopwatch.GetElapsedTime(measured.LastAck, drained).TotalMilliseconds, 1),
            ReadEvents: readEvents,
            Commits: commits.Count,
            MeanWritesPerCommit: Format.Round(commits.MeanWritesPerCommit, 1),
            MeanCommitMs: Format.Round(commits.MeanCommitMs),
            BusyCores: Format.Round(gc.BusyCores, 2),
            MachineBusyCores: machineBusy,
            BytesAllocatedPerEvent: Format.Round(measured.Events == 0 ? 0 : (double)gc.AllocatedBytes / measured.Events, 0),
            WarmupSeconds: Format.Round(warmup.TotalSeconds, 1),
            Redelivered: probe.Redelivered,
            OutOfOrder: probe.OutOfOrder);
    }

    private static async Task DrainAsync(IngestProbe probe, long count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await probe.WaitForAsync(count, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Only {probe.Count:N0} of {count:N0} appended events were applied within {timeout.TotalSeconds} s.");
        }
    }
}
