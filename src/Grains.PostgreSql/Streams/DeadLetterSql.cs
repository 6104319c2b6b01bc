namespace Grains.PostgreSql;

/// <summary>The statements of the dead-letter store. Times are UTC ticks.</summary>
internal static class DeadLetterSql
{
    private const string Columns =
        "id, consumer_group, grain_type, partition, sequence_number, event_offset, enqueued_at, namespace, key, event_id, body, error_type, error_message, attempts, failed_at";

    /// <summary>Where dead-letter writes sort in a write batch: after grain state, reminders and checkpoints.</summary>
    public const string LockOrder = "stream_dead_letters";

    public const string Get = $"SELECT {Columns} FROM stream_dead_letters WHERE id = $1;";

    /// <summary>Oldest failure first; <c>added</c>, which follows the order of adding, breaks ties.</summary>
    public const string List = $"SELECT {Columns} FROM stream_dead_letters ORDER BY failed_at, added LIMIT $1;";

    public const string Count = "SELECT COUNT(*) FROM stream_dead_letters;";

    /// <summary>An id already there changes nothing, which the caller reports: letters are never replaced.</summary>
    public const string Add = $"""
        INSERT INTO stream_dead_letters ({Columns})
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
        ON CONFLICT (id) DO NOTHING
        RETURNING added;
        """;

    public const string Remove = "DELETE FROM stream_dead_letters WHERE id = $1 RETURNING added;";
}
