namespace Grains.Sqlite;

/// <summary>Names of the meter and instruments the SQLite providers publish, for telemetry configuration.</summary>
public static class SqliteInstrumentNames
{
    public const string MeterName = "Grains.Sqlite";

    /// <summary>Histogram: write operations committed per transaction.</summary>
    public const string BatchSize = "grains.sqlite.write.batch_size";

    /// <summary>Histogram: seconds from <c>BEGIN IMMEDIATE</c> until <c>COMMIT</c> returned for one batch.</summary>
    public const string CommitDuration = "grains.sqlite.write.commit_duration";

    /// <summary>Up-down counter: write operations queued and not yet taken by the writer.</summary>
    public const string QueueDepth = "grains.sqlite.write.queue_depth";

    /// <summary>Tag on every measurement: the full path of the database file.</summary>
    public const string DataSourceTag = "grains.sqlite.data_source";
}
