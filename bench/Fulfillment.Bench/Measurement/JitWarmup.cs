using System.Diagnostics;
using System.Runtime;

namespace Fulfillment.Bench.Measurement;

/// <summary>
/// Runs load in one-second slices for at least <see cref="MinDuration"/> and until a slice needed little JIT time (or
/// <see cref="MaxDuration"/> passed). With tiered PGO, methods go through an instrumented tier before their final code,
/// and on two cores the background compiler competes with the load for about ten seconds: measured before then, a run
/// would mostly measure the JIT.
/// </summary>
internal static class JitWarmup
{
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Slice = TimeSpan.FromSeconds(1);

    // JIT time per slice below which the code is taken as settled: 1% of one core.
    private static readonly TimeSpan SettledJitPerSlice = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Runs <paramref name="runSlice"/> (given the slice's length; it answers what it did, for the progress line) until
    /// the JIT settles; returns how long the warm-up took.
    /// </summary>
    public static async Task<TimeSpan> RunAsync(
        Func<TimeSpan, CancellationToken, Task<string>> runSlice, TextWriter progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        TimeSpan jit;
        do
        {
            var jitBefore = JitInfo.GetCompilationTime();
            var done = await runSlice(Slice, cancellationToken).ConfigureAwait(false);
            jit = JitInfo.GetCompilationTime() - jitBefore;
            await progress.WriteLineAsync($"  warm-up: {done}, {jit.TotalMilliseconds:N0} ms JIT").ConfigureAwait(false);
        }
        while (Stopwatch.GetElapsedTime(started) < MinDuration
            || (jit >= SettledJitPerSlice && Stopwatch.GetElapsedTime(started) < MaxDuration));

        return Stopwatch.GetElapsedTime(started);
    }
}
