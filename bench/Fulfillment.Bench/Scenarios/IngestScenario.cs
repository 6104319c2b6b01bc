using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Fulfillment.Api.Diagnostics;
using Fulfillment.Api.Hosting;
using Fulfillment.Bench.Cli;
using Fulfillment.Bench.Grains;
using Fulfillment.Bench.Hosting;
using Fulfillment.Bench.Ingest;
using Fulfillment.Bench.Measurement;
using Fulfillment.Bench.Results;
using Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Bench.Scenarios;

/// <summary>
/// The service end to end, in process: CloudEvents batches POSTed over HTTP, appended durably to the stream log,
/// read back by the stream agents and applied by a subscriber grain per order and per inventory position. Phase A
/// posts flat out, then waits until every acknowledged event was applied. Phase B paces posts at half of phase A's
/// end-to-end rate and times each event from its batch's 202 to its application.
/// </summary>
internal sealed class IngestScenario : IScenario
{
    // Room for 2^31 events; the probe only allocates what is posted (8 bytes per event).
    private const long ProbeCapacity = 1L << 31;

    public string Name => IngestResult.ScenarioName;

    public string Description => "CloudEvents over HTTP into the hosted service until applied by grains: events/s, then 202→applied latency at half that rate.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("log", "sqlite|memory|postgres", "the service's stream log (Storage:Provider; default sqlite, in a fresh temp directory deleted afterwards)"),
        new("postgres", "CONNECTION", "with --log postgres: the Npgsql connection string; a fresh schema is used and dropped afterwards"),
        new("seconds", "N", "seconds of each phase (default 10, after a 2-30 s warm-up that lasts until the JIT settles)"),
        new("batch", "N", "events per POST (default 500)"),
        new("connections", "N", "concurrent posting loops, one HTTP connection each (default 4)"),
        new("keys", "N", "distinct stream keys: four in five orders, the rest warehouse/sku positions (default 10000)"),
        new("rate", "N", "events/s of the latency phase (default: half of the throughput phase's events/s)"),
    ];

    public async Task<ScenarioResult> RunAsync(ScenarioOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var log = options.GetString("log") switch
        {
            null or "sqlite" => StorageProvider.Sqlite,
            "memory" => StorageProvider.Memory,
            "postgres" => StorageProvider.PostgreSql,
            var other => throw new UsageException($"--log must be sqlite, memory or postgres; got '{other}'."),
        };
        var postgres = options.GetString("postgres");
        if ((log == StorageProvider.PostgreSql) != (postgres is not null))
        {
            throw new UsageException("--postgres CONNECTION goes with --log postgres, and --log postgres needs it.");
        }

        var seconds = options.GetSeconds("seconds", 10);
        var batchSize = options.GetInt32("batch", 500, min: 1, max: 10_000);
        var connections = options.GetInt32("connections", 4, min: 1, max: 256);
        var keys = options.GetInt32("keys", 10_000, min: 2, max: 10_000_000);
        var rate = options.GetInt32("rate", 0, min: 1, max: 100_000_000);

        using var directory = new TempDirectory();
        await using var schema = postgres is null ? null : new BenchSchema(postgres);
        var probe = new IngestProbe(ProbeCapacity);
        var setup = ServiceSetup(log, directory.File("fulfillment.db"), schema, batchSize, probe);
        return await RunAsync(setup, probe, TimeSpan.FromSeconds(seconds), batchSize, connections, keys, rate, progress, cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task<IngestResult> RunAsync(
        BenchServiceSetup setup,
        IngestProbe probe,
        TimeSpan duration,
        int batchSize,
        int connections,
        int keys,
        int rate,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        var log = setup.Storage;
        var instruments = log == StorageProvider.PostgreSql ? CommitInstruments.PostgreSql : CommitInstruments.Sqlite;
        using var metrics = new MetricProbe([.. instruments.Names, ApiInstrumentNames.IngestAppendDuration]);
        await using var service = await BenchService.StartAsync(setup, cancellationToken).ConfigureAwait(false);
        using var client = new IngestClient(service.Address, connections);
        var mix = new EventMix(keys);
        var load = new IngestLoad(client, mix, probe, batchSize, connections, progress);
        var drainTimeout = TimeSpan.FromSeconds(60) + 10 * duration;
        long acknowledgedEvents = 0;

        progress.WriteLine($"Service on {service.Address} with the {log} log ({connections} connections, batches of {batchSize}, {mix.KeyCount} keys).");
        var warmup = await WarmUpAsync(load, probe, drainTimeout, progress, cancellationToken).ConfigureAwait(false);
        acknowledgedEvents += warmup.Accepted;

        progress.WriteLine($"Phase A: posting flat out for {duration.TotalSeconds} s, then until every acknowledged event is applied...");
        metrics.Reset();
        var gcStart = GcSnapshot.Take();
        var machineStart = MachineCpu.BusyTime();
        var jitStart = JitInfo.GetCompilationTime();
        var peak = await load.RunAsync(duration, null, cancellationToken).ConfigureAwait(false);
        acknowledgedEvents += peak.Accepted;
        await DrainAsync(probe, acknowledgedEvents, drainTimeout, progress, cancellationToken).ConfigureAwait(false);
        var gc = gcStart.Until(GcSnapshot.Take());
        var machineBusy = MachineCpu.BusyCoresSince(machineStart, gc.Elapsed);
        var peakJit = JitInfo.GetCompilationTime() - jitStart;
        var commits = StorageCommits.Read(metrics, instruments);
        var (appendSeconds, appends) = metrics.Total(ApiInstrumentNames.IngestAppendDuration);
        var peakApplied = IngestAnalysis.Applied(peak, load, probe);
        var peakSeconds = Stopwatch.GetElapsedTime(peak.Started, peakApplied.LastApplied).TotalSeconds;
        var eventsPerSec = peakSeconds > 0 ? peakApplied.Applied / peakSeconds : 0;
        var peakPostRate = peak.Accepted / Stopwatch.GetElapsedTime(peak.Started, peak.LastAck).TotalSeconds;
        progress.WriteLine($"  {eventsPerSec:N0} events/s applied end to end; {peakPostRate:N0} events/s acknowledged while posting");

        var target = rate > 0 ? rate : eventsPerSec / 2;
        progress.WriteLine($"Phase B: {target:N0} events/s ({target / batchSize:N1} batches/s) for {duration.TotalSeconds} s, timing 202 → applied...");
        var pacedStart = GcSnapshot.Take();
        var pacedMachineStart = MachineCpu.BusyTime();
        var paced = await load.RunAsync(duration, Math.Max(target / batchSize, 0.1), cancellationToken).ConfigureAwait(false);
        acknowledgedEvents += paced.Accepted;
        await DrainAsync(probe, acknowledgedEvents, drainTimeout, progress, cancellationToken).ConfigureAwait(false);
        var pacedGc = pacedStart.Until(GcSnapshot.Take());
        var pacedMachineBusy = MachineCpu.BusyCoresSince(pacedMachineStart, pacedGc.Elapsed);
        var pacedApplied = IngestAnalysis.Applied(paced, load, probe);
        var (latency, beforeAck) = IngestAnalysis.AckToApplied(paced, load, probe);
        var pacedSeconds = Stopwatch.GetElapsedTime(paced.Started, paced.LastAck).TotalSeconds;

        await service.StopAsync().ConfigureAwait(false);
        var measured = peak.Accepted + paced.Accepted;
        return new IngestResult(
            Log: log.ToString().ToLowerInvariant(),
            EventsPerSec: Format.Round(eventsPerSec, 0),
            P50Ms: Format.Milliseconds(latency.PercentileMicroseconds(50)),
            P99Ms: Format.Milliseconds(latency.PercentileMicroseconds(99)),
            PeakPostEventsPerSec: Format.Round(peakPostRate, 0),
            PacedTargetEventsPerSec: Format.Round(target, 0),
            PacedEventsPerSec: Format.Round(pacedSeconds > 0 ? paced.Accepted / pacedSeconds : 0, 0),
            Accepted: measured,
            Duplicates: peak.Duplicates + paced.Duplicates,
            Errors: peak.Errors + paced.Errors,
            BusyCores: Format.Round(gc.BusyCores, 2),
            MachineBusyCores: machineBusy,
            PacedBusyCores: Format.Round(pacedGc.BusyCores, 2),
            PacedMachineBusyCores: pacedMachineBusy,
            Seconds: Format.Round(duration.TotalSeconds),
            Batch: batchSize,
            Connections: connections,
            Keys: mix.KeyCount,
            EventBytes: Format.Round(peak.Requests == 0 ? 0 : (double)peak.BodyBytes / (peak.Requests * batchSize), 1),
            AppliedPeak: peakApplied.Applied,
            PeakSeconds: Format.Round(peakSeconds),
            DrainMs: Format.Round(Stopwatch.GetElapsedTime(peak.LastAck, peakApplied.LastApplied).TotalMilliseconds, 1),
            PeakPostP50Ms: Format.Milliseconds(peak.RequestLatency.PercentileMicroseconds(50)),
            PeakPostP99Ms: Format.Milliseconds(peak.RequestLatency.PercentileMicroseconds(99)),
            PacedPostP50Ms: Format.Milliseconds(paced.RequestLatency.PercentileMicroseconds(50)),
            PacedPostP99Ms: Format.Milliseconds(paced.RequestLatency.PercentileMicroseconds(99)),
            P90Ms: Format.Milliseconds(latency.PercentileMicroseconds(90)),
            P999Ms: Format.Milliseconds(latency.PercentileMicroseconds(99.9)),
            MaxMs: Format.Milliseconds(latency.MaxMicroseconds),
            MeanMs: Format.Milliseconds(latency.MeanMicroseconds),
            LatencySamples: latency.Count,
            AppliedBeforeAck: beforeAck,
            Commits: commits.Count,
            MeanWritesPerCommit: Format.Round(commits.MeanWritesPerCommit, 1),
            MeanCommitMs: Format.Round(commits.MeanCommitMs),
            MeanAppendMs: Format.Round(appends == 0 ? 0 : appendSeconds * 1000 / appends),
            BytesAllocatedPerEvent: Format.Round(peakApplied.Applied == 0 ? 0 : (double)gc.AllocatedBytes / peakApplied.Applied, 0),
            GcGen0: gc.Gen0,
            GcGen1: gc.Gen1,
            GcGen2: gc.Gen2,
            GcPauseMs: Format.Round(gc.PausedMilliseconds),
            JitMs: Format.Round(peakJit.TotalMilliseconds, 1),
            WarmupSeconds: Format.Round(warmup.Elapsed.TotalSeconds, 1),
            Redelivered: probe.Redelivered,
            OutOfOrder: probe.OutOfOrder,
            Unapplied: peakApplied.Unapplied + pacedApplied.Unapplied);
    }

    /// <summary>The service with room for the bench's batches, and <see cref="IngestProbeGrain"/> subscribed to the streams.</summary>
    private static BenchServiceSetup ServiceSetup(StorageProvider log, string dataSource, BenchSchema? schema, int maxBatchEvents, IngestProbe probe) =>
        new(log, dataSource)
        {
            Settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Fulfillment"] = schema?.ConnectionString,
                ["Storage:PostgreSql:Schema"] = schema?.Name,
                ["Ingestion:MaxBatchEvents"] = Math.Max(maxBatchEvents, 1_000).ToString(CultureInfo.InvariantCulture),
                // A bench event is about 300 bytes; leave room for twice that.
                ["Ingestion:MaxBodyBytes"] = Math.Max(maxBatchEvents * 600L, 1L << 20).ToString(CultureInfo.InvariantCulture),
            },
            ConfigureServices = services => services.AddSingleton(probe),
            ConfigureSilo = silo => silo.AddGrainAssembly(typeof(IngestProbeGrain).Assembly),
        };

    /// <summary>Posts flat out in slices, each drained, until the JIT settles (<see cref="JitWarmup"/>).</summary>
    private static async Task<(long Accepted, TimeSpan Elapsed)> WarmUpAsync(
        IngestLoad load, IngestProbe probe, TimeSpan drainTimeout, TextWriter progress, CancellationToken cancellationToken)
    {
        long accepted = 0;
        var elapsed = await JitWarmup.RunAsync(
            async (slice, cancel) =>
            {
                var window = await load.RunAsync(slice, null, cancel).ConfigureAwait(false);
                accepted += window.Accepted;
                await DrainAsync(probe, accepted, drainTimeout, progress, cancel).ConfigureAwait(false);
                return $"{window.Accepted:N0} events in a slice";
            },
            progress,
            cancellationToken).ConfigureAwait(false);
        return (accepted, elapsed);
    }

    /// <summary>Waits until <paramref name="count"/> distinct events were applied; a timeout fails the run with what was missing.</summary>
    private static async Task DrainAsync(IngestProbe probe, long count, TimeSpan timeout, TextWriter progress, CancellationToken cancellationToken)
    {
        try
        {
            await probe.WaitForAsync(count, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Only {probe.Count:N0} of {count:N0} acknowledged events were applied within {timeout.TotalSeconds} s.");
        }

        if (probe.Unrecognized > 0)
        {
            progress.WriteLine($"  {probe.Unrecognized} applied events had ids the bench did not make.");
        }
    }
}
