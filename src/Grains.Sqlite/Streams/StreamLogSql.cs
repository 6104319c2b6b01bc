namespace Grains.Sqlite;

/// <summary>The statements of the stream log, each compiled once per connection. Times are UTC ticks.</summary>
internal static class StreamLogSql
{
    public const string PartitionCountName = "partition_count";

    /// <summary>The first log to open the file records its partition count; later ones read it back to compare.</summary>
    public const string RecordPartitionCount = $"""
        INSERT INTO stream_metadata (name, value) VALUES ('{PartitionCountName}', $partitionCount) ON CONFLICT (name) DO NOTHING;
        SELECT value FROM stream_metadata WHERE name = '{PartitionCountName}';
        """;

    public const string CreateHead = """
        INSERT INTO stream_heads (partition, next_sequence_number, next_offset, last_enqueued_at)
        VALUES ($partition, 1, 0, NULL)
        ON CONFLICT (partition) DO NOTHING;
        """;

    public const string ReadHead = "SELECT next_sequence_number, next_offset FROM stream_heads WHERE partition = $partition;";

    public const string UpdateHead = """
        UPDATE stream_heads SET next_sequence_number = $nextSequenceNumber, next_offset = $nextOffset, last_enqueued_at = $lastEnqueuedAt
        WHERE partition = $partition;
        """;

    /// <summary>
    /// Remembers an event id as stored at <c>$seenAt</c>, unless it was stored after <c>$expiredAtOrBefore</c>: one
    /// row changed means the event is new (or its earlier id expired), none means it is a duplicate. Earlier events
    /// of the same batch count too, since they were remembered in the same transaction.
    /// </summary>
    public const string RememberEventId = """
        INSERT INTO stream_event_ids (event_id, seen_at) VALUES ($eventId, $seenAt)
        ON CONFLICT (event_id) DO UPDATE SET seen_at = excluded.seen_at WHERE stream_event_ids.seen_at <= $expiredAtOrBefore;
        """;

    public const string InsertEvent = """
        INSERT INTO stream_events (partition, sequence_number, offset, enqueued_at, namespace, key, event_id, body)
        VALUES ($partition, $sequenceNumber, $offset, $enqueuedAt, $namespace, $key, $eventId, $body);
        """;

    public const string Read = """
        SELECT sequence_number, offset, enqueued_at, namespace, key, event_id, body FROM stream_events
        WHERE partition = $partition AND sequence_number >= $fromSequenceNumber
        ORDER BY sequence_number
        LIMIT $maxCount;
        """;

    /// <summary>Head and first retained event in one statement, so both come from the same snapshot.</summary>
    public const string ReadInfo = """
        SELECT next_sequence_number, last_enqueued_at, (SELECT MIN(sequence_number) FROM stream_events WHERE partition = $partition)
        FROM stream_heads WHERE partition = $partition;
        """;

    public const string Trim = """
        DELETE FROM stream_events
        WHERE partition = $partition AND sequence_number <= $throughSequenceNumber AND enqueued_at < $enqueuedBefore;
        """;

    /// <summary>Forgets up to <c>$limit</c> expired event ids, oldest first, through the <c>seen_at</c> index.</summary>
    public const string PurgeEventIds = """
        DELETE FROM stream_event_ids WHERE event_id IN (
            SELECT event_id FROM stream_event_ids WHERE seen_at <= $expiredAtOrBefore ORDER BY seen_at LIMIT $limit);
        """;
}
