namespace Fulfillment.Grains.Warehouses;

/// <summary>Nearest-rank percentiles: the smallest value with at least p% of the values at or below it — always a value that occurred.</summary>
internal static class Percentile
{
    /// <summary>The <paramref name="percent"/>th percentile of <paramref name="sorted"/> (ascending); null when empty.</summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
