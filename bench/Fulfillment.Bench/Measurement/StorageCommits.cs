namespace Fulfillment.Bench.Measurement;

/// <summary>
/// What a storage provider's writer did since a <see cref="MetricProbe"/> was reset, from its metrics: transactions
/// committed, writes grouped into each, and mean time from <c>BEGIN</c> to <c>COMMIT</c> (fsync included).
/// </summary>
internal readonly record struct StorageCommits(long Count, double MeanWritesPerCommit, double MeanCommitMs)
{
    public static StorageCommits Read(MetricProbe probe, CommitInstruments instruments)
    {
        var (writes, commits) = probe.Total(instruments.BatchSize);
        var (commitSeconds, _) = probe.Total(instruments.CommitDuration);
        return commits == 0 ? default : new StorageCommits(commits, writes / commits, commitSeconds * 1000 / commits);
    }
}
