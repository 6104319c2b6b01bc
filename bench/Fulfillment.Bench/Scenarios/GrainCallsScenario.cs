using Fulfillment.Bench.Cli;
using Fulfillment.Bench.Grains;
using Fulfillment.Bench.Hosting;
using Fulfillment.Bench.Measurement;
using Fulfillment.Bench.Results;

namespace Fulfillment.Bench.Scenarios;

/// <summary>
/// In-silo calls to pre-activated grains. Phase A: many concurrent callers for throughput. Phase B: one caller making
/// sequential round trips, each timed, for latency.
/// </summary>
internal sealed class GrainCallsScenario : IScenario
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SequentialWarmup = TimeSpan.FromSeconds(1);

    public string Name => GrainCallsResult.ScenarioName;

    public string Description => "Throughput of concurrent in-silo calls, then latency of sequential round trips.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("seconds", "N", "measured seconds of the throughput phase (default 10, after 2 s warm-up)"),
        new("grains", "N", "distinct grains called (default 10000)"),
        new("callers", "N", "concurrent caller loops in the throughput phase (default 64)"),
        new("sequential-seconds", "N", "measured seconds of the latency phase (default 3, after 1 s warm-up)"),
    ];

    public async Task<ScenarioResult> RunAsync(ScenarioOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var seconds = options.GetSeconds("seconds", 10);
        var grainCount = options.GetInt32("grains", 10_000, min: 1);
        var callerCount = options.GetInt32("callers", 64, min: 1, max: 65_536);
        var sequentialSeconds = options.GetSeconds("sequential-seconds", 3);

        await using var silo = await BenchSilo.StartAsync(_ => { }, cancellationToken).ConfigureAwait(false);
        var grains = new IBenchGrain[grainCount];
        for (var i = 0; i < grains.Length; i++)
        {
            grains[i] = silo.GrainFactory.GetGrain<IBenchGrain>($"bench-{i}");
        }

        progress.WriteLine($"Activating {grainCount} grains...");
        await Partitioned.RunAsync(grainCount, Environment.ProcessorCount, async i => await grains[i].Ping(i).ConfigureAwait(false))
            .ConfigureAwait(false);

        progress.WriteLine($"Phase A: {callerCount} callers, {Warmup.TotalSeconds} s warm-up, {seconds} s measured...");
        var (calls, window, threads) = await CallLoad.MeasureAsync(grains, callerCount, Warmup, TimeSpan.FromSeconds(seconds), cancellationToken)
            .ConfigureAwait(false);

        progress.WriteLine($"Phase B: one sequential caller, {SequentialWarmup.TotalSeconds} s warm-up, {sequentialSeconds} s measured...");
        var sequential = await Task.Run(() => SequentialCaller.Measure(grains, SequentialWarmup, TimeSpan.FromSeconds(sequentialSeconds)), cancellationToken)
            .ConfigureAwait(false);

        await silo.StopAsync().ConfigureAwait(false);
        var latency = sequential.Latency;
        return new GrainCallsResult(
            CallsPerSec: Format.Round(calls / window.Seconds, 0),
            P50Us: Format.Round(latency.PercentileMicroseconds(50)),
            P99Us: Format.Round(latency.PercentileMicroseconds(99)),
            Callers: callerCount,
            Grains: grainCount,
            Seconds: Format.Round(window.Seconds),
            Calls: calls,
            BytesPerCall: Format.Round(calls == 0 ? 0 : (double)window.AllocatedBytes / calls, 2),
            GcGen0: window.Gen0,
            GcGen1: window.Gen1,
            GcGen2: window.Gen2,
            GcPauseMs: Format.Round(window.PausedMilliseconds),
            SequentialCalls: latency.Count,
            SequentialCallsPerSec: Format.Round(latency.Count / sequential.Seconds, 0),
            SequentialBytesPerCall: Format.Round(sequential.BytesPerCall, 2),
            P90Us: Format.Round(latency.PercentileMicroseconds(90)),
            P999Us: Format.Round(latency.PercentileMicroseconds(99.9)),
            MaxUs: Format.Round(latency.MaxMicroseconds),
            MeanUs: Format.Round(latency.MeanMicroseconds),
            BusyCores: Format.Round(window.BusyCores, 2),
            ThreadPoolThreads: threads);
    }
}
