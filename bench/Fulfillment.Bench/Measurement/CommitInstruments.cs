using Grains.PostgreSql;
using Grains.Sqlite;

namespace Fulfillment.Bench.Measurement;

/// <summary>The histograms a storage provider records per commit: write operations in it, and its duration in seconds.</summary>
internal sealed record CommitInstruments(string BatchSize, string CommitDuration)
{
    public static CommitInstruments Sqlite { get; } = new(SqliteInstrumentNames.BatchSize, SqliteInstrumentNames.CommitDuration);

    public static CommitInstruments PostgreSql { get; } = new(PostgreSqlInstrumentNames.BatchSize, PostgreSqlInstrumentNames.CommitDuration);

    /// <summary>The instruments a <see cref="MetricProbe"/> must listen to for <see cref="StorageCommits.Read"/>.</summary>
    public string[] Names => [BatchSize, CommitDuration];
}
