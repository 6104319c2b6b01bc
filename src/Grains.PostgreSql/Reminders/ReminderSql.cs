namespace Grains.PostgreSql;

/// <summary>
/// The statements of the reminder table; $1 grain type, $2 grain key, $3 name. Times are UTC ticks and periods ticks,
/// so values round-trip exactly.
/// </summary>
internal static class ReminderSql
{
    private const string Columns = "grain_type, grain_key, name, partition, start_at, period, etag";

    public const string Read = $"SELECT {Columns} FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND name = $3;";

    public const string ReadAll = $"SELECT {Columns} FROM reminders WHERE grain_type = $1 AND grain_key = $2 ORDER BY name;";

    /// <summary>The partitions' ($1) periodic reminders and their one-shot reminders due before $2, through the (partition, start_at) index.</summary>
    public const string ReadDue = $"SELECT {Columns} FROM reminders WHERE partition = ANY($1) AND (period <> 0 OR start_at < $2) ORDER BY start_at;";

    /// <summary>$4 partition, $5 start, $6 period; a fresh ETag from the schema-wide sequence.</summary>
    public const string Upsert = $"""
        INSERT INTO reminders ({Columns})
        VALUES ($1, $2, $3, $4, $5, $6, nextval('reminder_etag'))
        ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET
            partition = excluded.partition, start_at = excluded.start_at, period = excluded.period, etag = excluded.etag
        RETURNING etag;
        """;

    public const string Remove = "DELETE FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND name = $3 AND etag = $4 RETURNING etag;";
}
