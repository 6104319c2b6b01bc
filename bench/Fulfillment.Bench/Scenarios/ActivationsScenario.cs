using System.Diagnostics;
using Fulfillment.Bench.Cli;
using Fulfillment.Bench.Grains;
using Fulfillment.Bench.Hosting;
using Fulfillment.Bench.Measurement;
using Fulfillment.Bench.Results;
using Grains.Runtime.Diagnostics;

namespace Fulfillment.Bench.Scenarios;

/// <summary>
/// Activates many distinct stateless grains and keeps them alive: how fast activations are created, and how much live
/// memory each one keeps, measured as the difference of the fully collected heap before and after.
/// </summary>
internal sealed class ActivationsScenario : IScenario
{
    // Activated before the baseline, so one-time costs (type registration, first-call caches) are not counted.
    private const int WarmupActivations = 2_000;

    public string Name => ActivationsResult.ScenarioName;

    public string Description => "Activates N distinct grains: activations/s and live bytes per activation.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("count", "N", "distinct grains to activate (default 1000000)"),
        new("loops", "N", $"concurrent loops over disjoint key ranges (default {Environment.ProcessorCount}, the processor count)"),
    ];

    public async Task<ScenarioResult> RunAsync(ScenarioOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var count = options.GetInt32("count", 1_000_000, min: 1, max: 50_000_000);
        var loops = options.GetInt32("loops", Environment.ProcessorCount, min: 1, max: 1_024);

        using var probe = new MetricProbe(GrainsInstrumentNames.Activations);
        await using var silo = await BenchSilo.StartAsync(_ => { }, cancellationToken).ConfigureAwait(false);
        var factory = silo.GrainFactory;
        await Partitioned.RunAsync(WarmupActivations, loops, i => factory.GetGrain<IEmptyGrain>($"warmup-{i}").Touch())
            .ConfigureAwait(false);

        // The keys are the caller's data, and every actor runtime must keep them; measured apart so the runtime's own
        // cost per activation can be told from them. The array is allocated before the baseline: it is the bench's.
        var keys = new string[count];
        var empty = HeapMeasure.Settle();
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = $"grain-{i:D8}";
        }

        var baseline = HeapMeasure.Settle();
        var keyBytes = baseline.LiveBytes - empty.LiveBytes;

        progress.WriteLine($"Activating {count} grains from {loops} loops...");
        var gcBefore = GcSnapshot.Take();
        var started = Stopwatch.GetTimestamp();
        await Partitioned.RunAsync(count, loops, i => factory.GetGrain<IEmptyGrain>(keys[i]).Touch()).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var window = gcBefore.Until(GcSnapshot.Take());

        var after = HeapMeasure.Settle();
        var runtimeBytes = after.LiveBytes - baseline.LiveBytes;
        var active = (long)probe.Observe(GrainsInstrumentNames.Activations);
        GC.KeepAlive(keys);

        progress.WriteLine($"Stopping the silo ({active} activations)...");
        var shutdown = await silo.StopAsync().ConfigureAwait(false);
        return new ActivationsResult(
            ActivationsPerSec: Format.Round(count / elapsed.TotalSeconds, 0),
            BytesPerActivation: Format.Round((double)runtimeBytes / count, 1),
            Count: count,
            RawBytesPerActivation: Format.Round((double)(runtimeBytes + keyBytes) / count, 1),
            KeyBytesPerActivation: Format.Round((double)keyBytes / count, 1),
            HeapSizeBytesPerActivation: Format.Round((double)(after.HeapSizeBytes - baseline.HeapSizeBytes) / count, 1),
            Seconds: Format.Round(elapsed.TotalSeconds),
            Loops: loops,
            ActiveAfter: active,
            BytesAllocatedPerActivation: Format.Round((double)window.AllocatedBytes / count, 1),
            GcGen0: window.Gen0,
            GcGen1: window.Gen1,
            GcGen2: window.Gen2,
            GcPauseMs: Format.Round(window.PausedMilliseconds),
            ShutdownSeconds: Format.Round(shutdown.TotalSeconds),
            BusyCores: Format.Round(window.BusyCores, 2));
    }
}
