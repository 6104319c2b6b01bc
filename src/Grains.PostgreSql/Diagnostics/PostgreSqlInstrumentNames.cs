namespace Grains.PostgreSql;

/// <summary>Names of the meter and instruments the PostgreSQL providers publish, for telemetry configuration.</summary>
public static class PostgreSqlInstrumentNames
{
    public const string MeterName = "Grains.PostgreSql";

    /// <summary>Histogram: write operations (state writes, reminder and checkpoint updates) committed per transaction.</summary>
    public const string BatchSize = "grains.postgresql.write.batch_size";

    /// <summary>Histogram: seconds from taking a write batch until its COMMIT returned.</summary>
    public const string CommitDuration = "grains.postgresql.write.commit_duration";

    /// <summary>Up-down counter: write operations queued and not yet taken by a writer.</summary>
    public const string QueueDepth = "grains.postgresql.write.queue_depth";

    /// <summary>Counter: transactions run again because PostgreSQL aborted them for a deadlock or serialization failure.</summary>
    public const string Retries = "grains.postgresql.write.retries";

    /// <summary>Counter: events stored by stream appends (duplicates excluded).</summary>
    public const string EventsAppended = "grains.postgresql.streams.events.appended";

    /// <summary>Counter: events of stream appends that were duplicates and not stored.</summary>
    public const string EventsDuplicate = "grains.postgresql.streams.events.duplicate";

    /// <summary>Counter: stream events removed by retention.</summary>
    public const string EventsTrimmed = "grains.postgresql.streams.events.trimmed";

    /// <summary>Histogram: stream appends committed per transaction.</summary>
    public const string AppendBatchSize = "grains.postgresql.streams.append.batch_size";

    /// <summary>Tag on every measurement: the server, database and schema, as <c>host:port/database/schema</c>.</summary>
    public const string DatabaseTag = "grains.postgresql.database";
}
