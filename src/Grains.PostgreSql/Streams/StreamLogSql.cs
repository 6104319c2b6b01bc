namespace Grains.PostgreSql;

/// <summary>
/// The statements of the stream log; parameters are positional (<c>$1</c>…). Times are UTC ticks. Batches of events go
/// in as arrays that <c>unnest</c> turns into rows, so an append transaction costs a fixed number of statements
/// whatever its size.
/// </summary>
internal static class StreamLogSql
{
    /// <summary>Records the partition count of a new log, and creates the head rows of a log that has this count ($1).</summary>
    public const string CreateLog = "INSERT INTO stream_log (id, partition_count, next_ordinal) VALUES (1, $1, 1) ON CONFLICT (id) DO NOTHING;";

    public const string CreateHeads = """
        INSERT INTO stream_heads (partition, next_sequence_number, next_offset, last_enqueued_at)
        SELECT p, 1, 0, NULL FROM generate_series(0, $1 - 1) AS p
        WHERE (SELECT partition_count FROM stream_log WHERE id = 1) = $1
        ON CONFLICT (partition) DO NOTHING;
        """;

    public const string ReadPartitionCount = "SELECT partition_count FROM stream_log WHERE id = 1;";

    /// <summary>The lock every append takes first; it makes appends from every process take turns.</summary>
    public const string LockLog = "SELECT next_ordinal FROM stream_log WHERE id = 1 FOR UPDATE;";

    public const string LockHeads = """
        SELECT partition, next_sequence_number, next_offset FROM stream_heads
        WHERE partition = ANY($1) ORDER BY partition FOR UPDATE;
        """;

    public const string ReadEventIds = "SELECT event_id, enqueued_at, ordinal FROM stream_event_ids WHERE event_id = ANY($1);";

    /// <summary>$1 partitions, $2 sequence numbers, $3 offsets, $4 enqueue time, $5 namespaces, $6 keys, $7 ids, $8 bodies.</summary>
    public const string InsertEvents = """
        INSERT INTO stream_events (partition, sequence_number, event_offset, enqueued_at, namespace, key, event_id, body)
        SELECT p, s, o, $4, ns, k, id, b FROM unnest($1::integer[], $2::bigint[], $3::bigint[], $5::text[], $6::text[], $7::text[], $8::bytea[])
            AS t (p, s, o, ns, k, id, b);
        """;

    /// <summary>$1 ids (each once), $2 partitions, $3 sequence numbers, $4 enqueue time, $5 ordinals: each id now names its latest event.</summary>
    public const string UpsertEventIds = """
        INSERT INTO stream_event_ids (event_id, partition, sequence_number, enqueued_at, ordinal)
        SELECT id, p, s, $4, n FROM unnest($1::text[], $2::integer[], $3::bigint[], $5::bigint[]) AS t (id, p, s, n)
        ON CONFLICT (event_id) DO UPDATE SET
            partition = excluded.partition, sequence_number = excluded.sequence_number,
            enqueued_at = excluded.enqueued_at, ordinal = excluded.ordinal;
        """;

    /// <summary>$1 partitions, $2 next sequence numbers, $3 next offsets, $4 enqueue time.</summary>
    public const string UpdateHeads = """
        UPDATE stream_heads AS h SET next_sequence_number = t.s, next_offset = t.o, last_enqueued_at = $4
        FROM unnest($1::integer[], $2::bigint[], $3::bigint[]) AS t (p, s, o)
        WHERE h.partition = t.p;
        """;

    public const string UpdateOrdinal = "UPDATE stream_log SET next_ordinal = $1 WHERE id = 1;";

    public const string Read = """
        SELECT sequence_number, event_offset, enqueued_at, namespace, key, event_id, body FROM stream_events
        WHERE partition = $1 AND sequence_number >= $2
        ORDER BY sequence_number
        LIMIT $3;
        """;

    /// <summary>Head and first retained event in one statement, so both come from the same snapshot.</summary>
    public const string ReadInfo = """
        SELECT next_sequence_number, last_enqueued_at, (SELECT MIN(sequence_number) FROM stream_events WHERE partition = $1)
        FROM stream_heads WHERE partition = $1;
        """;

    /// <summary>
    /// Removes partition $1's events through $2 enqueued before $3, never past the lowest checkpoint any consumer group
    /// recorded for the partition, and the id rows that name them; returns how many events it removed.
    /// </summary>
    public const string Trim = """
        WITH bound AS (
            SELECT LEAST($2, COALESCE((SELECT MIN(sequence_number) FROM stream_checkpoints WHERE partition = $1), $2)) AS through
        ), trimmed AS (
            DELETE FROM stream_events
            WHERE partition = $1 AND sequence_number <= (SELECT through FROM bound) AND enqueued_at < $3
            RETURNING event_id, sequence_number
        ), forgotten AS (
            DELETE FROM stream_event_ids AS i USING trimmed AS t
            WHERE i.event_id = t.event_id AND i.partition = $1 AND i.sequence_number = t.sequence_number
        )
        SELECT COUNT(*) FROM trimmed;
        """;
}
