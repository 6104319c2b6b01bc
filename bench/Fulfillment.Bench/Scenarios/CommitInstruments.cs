using Grains.PostgreSql;
using Grains.Sqlite;

namespace Fulfillment.Bench.Scenarios;

/// <summary>The histograms a storage provider records per commit: write operations in it, and its duration in seconds.</summary>
internal sealed record CommitInstruments(string BatchSize, string CommitDuration)
{
    public static CommitInstruments Sqlite { get; } = new(SqliteInstrumentNames.BatchSize, SqliteInstrumentNames.CommitDuration);

    public static CommitInstruments PostgreSql { get; } = new(PostgreSqlInstrumentNames.BatchSize, PostgreSqlInstrumentNames.CommitDuration);
}
