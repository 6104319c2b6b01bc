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

    // The de-duplication index is rebuilt and verified from stream_events alone, always through its primary key
    // (partition, sequence_number), so appends write no second index.

    public const string ReadHeads = "SELECT partition, next_sequence_number FROM stream_heads ORDER BY partition;";

    /// <summary>Changes whenever another connection commits to the file; one that does not change means no foreign appends.</summary>
    public const string DataVersion = "PRAGMA data_version;";

    /// <summary>The id and enqueue time of the event at a position, to verify an index hit.</summary>
    public const string ReadEventId = "SELECT event_id, enqueued_at FROM stream_events WHERE partition = $partition AND sequence_number = $sequenceNumber;";

    /// <summary>A chunk of a partition's tail, newest first, for rebuilding the index.</summary>
    public const string ReadTailBefore = """
        SELECT sequence_number, enqueued_at, event_id FROM stream_events
        WHERE partition = $partition AND sequence_number < $beforeSequenceNumber
        ORDER BY sequence_number DESC
        LIMIT $limit;
        """;

    /// <summary>A partition's events from a sequence number on, for indexing what another writer appended.</summary>
    public const string ReadIdsFrom = """
        SELECT sequence_number, enqueued_at, event_id FROM stream_events
        WHERE partition = $partition AND sequence_number >= $fromSequenceNumber
        ORDER BY sequence_number;
        """;

    /// <summary>The events a trim is about to remove that are still within the window, so their ids leave the index.</summary>
    public const string ReadTrimmedIds = """
        SELECT sequence_number, event_id FROM stream_events
        WHERE partition = $partition AND sequence_number <= $throughSequenceNumber AND enqueued_at < $enqueuedBefore
          AND enqueued_at > $expiredAtOrBefore;
        """;
}
