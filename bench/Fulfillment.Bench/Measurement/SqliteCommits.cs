using Grains.Sqlite;

namespace Fulfillment.Bench.Measurement;

/// <summary>
/// What the SQLite writer did since a <see cref="MetricProbe"/> was reset, from the providers' metrics: transactions
/// committed, writes grouped into each, and mean time from <c>BEGIN</c> to <c>COMMIT</c> (fsync included).
/// </summary>
internal readonly record struct SqliteCommits(long Count, double MeanWritesPerCommit, double MeanCommitMs)
{
    /// <summary>The instruments a probe must listen to for <see cref="Read"/>.</summary>
    public static readonly string[] Instruments = [SqliteInstrumentNames.BatchSize, SqliteInstrumentNames.CommitDuration];

    public static SqliteCommits Read(MetricProbe probe)
    {
        var (writes, commits) = probe.Total(SqliteInstrumentNames.BatchSize);
        var (commitSeconds, _) = probe.Total(SqliteInstrumentNames.CommitDuration);
        return commits == 0 ? default : new SqliteCommits(commits, writes / commits, commitSeconds * 1000 / commits);
    }
}
