namespace Grains.Sqlite;

/// <summary>
/// The statements of the reminder table. Times are UTC ticks and periods ticks, so values round-trip exactly.
/// </summary>
internal static class ReminderSql
{
    private const string Columns = "grain_type, grain_key, name, partition, start_at, period, etag";

    public const string Read = $"SELECT {Columns} FROM reminders WHERE grain_type = $grainType AND grain_key = $grainKey AND name = $name;";

    public const string ReadAll = $"SELECT {Columns} FROM reminders WHERE grain_type = $grainType AND grain_key = $grainKey ORDER BY name;";

    /// <summary>One partition's periodic reminders and its one-shot reminders due before <c>$dueBefore</c>.</summary>
    public const string ReadDue = $"SELECT {Columns} FROM reminders WHERE partition = $partition AND (period <> 0 OR start_at < $dueBefore);";

    public const string NextEtag = "UPDATE sequences SET value = value + 1 WHERE name = 'reminder_etag' RETURNING value;";

    public const string Upsert = $"""
        INSERT INTO reminders ({Columns})
        VALUES ($grainType, $grainKey, $name, $partition, $startAt, $period, $etag)
        ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET
            partition = excluded.partition, start_at = excluded.start_at, period = excluded.period, etag = excluded.etag;
        """;

    public const string Remove = "DELETE FROM reminders WHERE grain_type = $grainType AND grain_key = $grainKey AND name = $name AND etag = $etag;";
}
