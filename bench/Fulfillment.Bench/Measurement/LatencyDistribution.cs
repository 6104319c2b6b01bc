using System.Diagnostics;

namespace Fulfillment.Bench.Measurement;

/// <summary>The samples of one or more recorders, sorted: percentiles are exact order statistics of what was recorded.</summary>
internal sealed class LatencyDistribution
{
    private readonly long[] _sorted;

    private LatencyDistribution(long[] sorted, long seen)
    {
        _sorted = sorted;
        Seen = seen;
    }

    public int Count => _sorted.Length;

    /// <summary>Samples offered to the recorders; above <see cref="Count"/> only when a reservoir kept a subset.</summary>
    public long Seen { get; }

    public static LatencyDistribution Merge(IReadOnlyCollection<LatencyRecorder> recorders)
    {
        var total = 0;
        long seen = 0;
        foreach (var recorder in recorders)
        {
            total = checked(total + recorder.Count);
            seen += recorder.Seen;
        }

        var samples = new long[total];
        var offset = 0;
        foreach (var recorder in recorders)
        {
            recorder.CopyTo(samples, offset);
            offset += recorder.Count;
        }

        Array.Sort(samples);
        return new LatencyDistribution(samples, seen);
    }

    /// <summary>Nearest-rank percentile in microseconds: the smallest sample with at least <paramref name="percent"/>% of samples at or below it.</summary>
    public double PercentileMicroseconds(double percent)
    {
        if (_sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return ToMicroseconds(_sorted[Math.Clamp(rank, 1, _sorted.Length) - 1]);
    }

    public double MaxMicroseconds => _sorted.Length == 0 ? 0 : ToMicroseconds(_sorted[^1]);

    public double MeanMicroseconds
    {
        get
        {
            if (_sorted.Length == 0)
            {
                return 0;
            }

            double sum = 0;
            foreach (var ticks in _sorted)
            {
                sum += ticks;
            }

            return ToMicroseconds(sum / _sorted.Length);
        }
    }

    private static double ToMicroseconds(double ticks) => ticks * 1_000_000 / Stopwatch.Frequency;
}
