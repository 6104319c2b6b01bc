namespace Grains.Sqlite;

/// <summary>
/// The statements of the stream log, each compiled once per connection. Times are UTC ticks. Events live in
/// <c>stream_segments</c>, one row per append and partition (<see cref="StreamSegmentFormat"/>); every statement that
/// reads segments returns the columns first sequence number, event count, first offset, enqueue time and packed
/// events, in that order (<see cref="SegmentColumns"/>), and goes through the index on (partition, first sequence
/// number).
/// </summary>
internal static class StreamLogSql
{
    public const string PartitionCountName = "partition_count";

    /// <summary>The columns of a segment in the order every segment query returns them.</summary>
    public const string SegmentColumns = "first_sequence_number, event_count, first_offset, enqueued_at, events";

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

    public const string InsertSegment = """
        INSERT INTO stream_segments (partition, first_sequence_number, event_count, first_offset, enqueued_at, events)
        VALUES ($partition, $firstSequenceNumber, $eventCount, $firstOffset, $enqueuedAt, $events);
        """;

    /// <summary>
    /// A partition's segments from the one holding <c>$fromSequenceNumber</c> (or the first after it) on, in order;
    /// the caller skips the events before it and stops stepping once it has what it needs.
    /// </summary>
    public const string ReadFrom = $"""
        SELECT {SegmentColumns} FROM stream_segments
        WHERE partition = $partition AND first_sequence_number >= COALESCE(
            (SELECT MAX(first_sequence_number) FROM stream_segments WHERE partition = $partition AND first_sequence_number <= $fromSequenceNumber),
            $fromSequenceNumber)
        ORDER BY first_sequence_number;
        """;

    /// <summary>Head and first retained event in one statement, so both come from the same snapshot.</summary>
    public const string ReadInfo = """
        SELECT next_sequence_number, last_enqueued_at, (SELECT MIN(first_sequence_number) FROM stream_segments WHERE partition = $partition)
        FROM stream_heads WHERE partition = $partition;
        """;

    /// <summary>
    /// The segment that would hold the event at a position: the partition's last one starting at or before it. It
    /// holds the event only if the position is below its first sequence number plus its count.
    /// </summary>
    public const string ReadSegmentAt = $"""
        SELECT {SegmentColumns} FROM stream_segments
        WHERE partition = $partition AND first_sequence_number <= $sequenceNumber
        ORDER BY first_sequence_number DESC
        LIMIT 1;
        """;

    /// <summary>A partition's segments before a sequence number, newest first, for rebuilding the index; read until the caller has enough.</summary>
    public const string ReadSegmentsBefore = $"""
        SELECT {SegmentColumns} FROM stream_segments
        WHERE partition = $partition AND first_sequence_number < $beforeSequenceNumber
        ORDER BY first_sequence_number DESC;
        """;

    /// <summary>The segments a trim removes events of that are still within the window, so their ids leave the index.</summary>
    public const string ReadTrimmedSegments = $"""
        SELECT {SegmentColumns} FROM stream_segments
        WHERE partition = $partition AND first_sequence_number <= $throughSequenceNumber AND enqueued_at < $enqueuedBefore
          AND enqueued_at > $expiredAtOrBefore;
        """;

    /// <summary>Removes the segments a trim removes every event of; returns their counts.</summary>
    public const string TrimSegments = """
        DELETE FROM stream_segments
        WHERE partition = $partition AND first_sequence_number <= $throughSequenceNumber
          AND first_sequence_number + event_count - 1 <= $throughSequenceNumber AND enqueued_at < $enqueuedBefore
        RETURNING event_count;
        """;

    /// <summary>Replaces a segment a trim cut with the rest of its events, which start at a new first sequence number.</summary>
    public const string CutSegment = """
        UPDATE stream_segments
        SET first_sequence_number = $newFirstSequenceNumber, event_count = $eventCount, first_offset = $firstOffset, events = $events
        WHERE partition = $partition AND first_sequence_number = $firstSequenceNumber;
        """;

    // The de-duplication index is rebuilt and verified from stream_segments alone, so appends write nothing else.

    public const string ReadHeads = "SELECT partition, next_sequence_number FROM stream_heads ORDER BY partition;";

    /// <summary>Changes whenever another connection commits to the file; one that does not change means no foreign appends.</summary>
    public const string DataVersion = "PRAGMA data_version;";
}
