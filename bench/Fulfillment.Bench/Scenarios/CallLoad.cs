using Fulfillment.Bench.Grains;
using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Scenarios;

/// <summary>Phase A of <see cref="GrainCallsScenario"/>: concurrent callers to random grains, counted over a window cut out of the running load.</summary>
internal static class CallLoad
{
    // A call to an idle grain completes inline, so a caller never gives up its thread on its own; without a yield
    // the first callers would keep the cores for the whole run and the others would never start.
    private const int CallsPerSlice = 256;

    public static async Task<(long Calls, GcWindow Window, int Threads)> MeasureAsync(
        IBenchGrain[] grains, int callerCount, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var counters = new StripedCounters(callerCount);
        var stop = new StopSignal();
        var callers = new Task[callerCount];
        for (var i = 0; i < callers.Length; i++)
        {
            var caller = i;
            callers[i] = Task.Run(() => CallLoopAsync(grains, caller, counters, stop), CancellationToken.None);
        }

        try
        {
            // Starting and stopping the callers falls outside the window.
            await Task.Delay(warmup, cancellationToken).ConfigureAwait(false);
            var start = GcSnapshot.Take();
            var startCalls = counters.Sum();
            await Task.Delay(duration, cancellationToken).ConfigureAwait(false);
            var endCalls = counters.Sum();
            var end = GcSnapshot.Take();
            return (endCalls - startCalls, start.Until(end), ThreadPool.ThreadCount);
        }
        finally
        {
            stop.Set();
            await Task.WhenAll(callers).ConfigureAwait(false);
        }
    }

    private static async Task CallLoopAsync(IBenchGrain[] grains, int caller, StripedCounters counters, StopSignal stop)
    {
        var random = new CallerRandom((ulong)caller + 1);
        while (!stop.IsSet)
        {
            for (var i = 0; i < CallsPerSlice; i++)
            {
                var result = await grains[random.NextIndex(grains.Length)].Ping(i).ConfigureAwait(false);
                if (result != i + 1)
                {
                    throw new InvalidOperationException($"Ping({i}) returned {result}.");
                }

                counters.Increment(caller);
            }

            await Task.Yield();
        }
    }
}
