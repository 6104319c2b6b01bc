using System.Diagnostics;
using Fulfillment.Bench.Grains;
using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Scenarios;

/// <summary>Phase B of <see cref="GrainCallsScenario"/>: one caller, sequential round trips to random grains, each timed.</summary>
internal static class SequentialCaller
{
    // Synchronous on purpose: calls to idle grains complete inline, and an await would only add its own cost.
    public static SequentialRun Measure(IBenchGrain[] grains, TimeSpan warmup, TimeSpan duration)
    {
        var random = new CallerRandom(0xC0FFEE);

        // The warm-up doubles as the allocation measurement: nothing is recorded, so every byte allocated is the calls'.
        var warmupEnd = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long warmupCalls = 0;
        while (Stopwatch.GetTimestamp() < warmupEnd)
        {
            Call(grains[random.NextIndex(grains.Length)], (int)warmupCalls);
            warmupCalls++;
        }

        var bytesPerCall = (double)(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / warmupCalls;

        var recorder = new LatencyRecorder();
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var now = started;
        for (var i = 0; now < end; i++)
        {
            var grain = grains[random.NextIndex(grains.Length)];
            var before = Stopwatch.GetTimestamp();
            Call(grain, i);
            now = Stopwatch.GetTimestamp();
            recorder.Record(now - before);
        }

        return new SequentialRun(LatencyDistribution.Merge([recorder]), Stopwatch.GetElapsedTime(started, now).TotalSeconds, bytesPerCall);
    }

    private static void Call(IBenchGrain grain, int x)
    {
        var pending = grain.Ping(x);

        // A call that did not complete inline (the grain was busy) is waited for like any other.
        var result = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        if (result != x + 1)
        {
            throw new InvalidOperationException($"Ping({x}) returned {result}.");
        }
    }
}
