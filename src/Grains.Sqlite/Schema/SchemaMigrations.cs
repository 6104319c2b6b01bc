namespace Grains.Sqlite;

/// <summary>
/// The schema of a provider database, as ordered steps. To change the schema, append a step with the next version
/// and its SQL; never edit or reorder a step that has shipped, since databases already record it as applied.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "grain_state", """
            CREATE TABLE grain_state (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                state_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                data BLOB NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (grain_type, grain_key, state_name)
            );
            """),

        // ETags come from one sequence rather than a per-row version, so a reminder removed and registered again
        // never gets an ETag a late delivery still holds.
        new(2, "reminders", """
            CREATE TABLE reminders (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                name TEXT NOT NULL,
                partition INTEGER NOT NULL,
                start_at INTEGER NOT NULL,
                period INTEGER NOT NULL,
                etag INTEGER NOT NULL,
                PRIMARY KEY (grain_type, grain_key, name)
            ) WITHOUT ROWID;
            CREATE INDEX reminders_partition_start_at ON reminders (partition, start_at);
            CREATE TABLE sequences (
                name TEXT NOT NULL PRIMARY KEY,
                value INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO sequences (name, value) VALUES ('reminder_etag', 0);
            """),

        // Stream log. The head row of a partition keeps counting after its events are trimmed, so sequence numbers
        // and offsets are never reused. Event ids live in their own table, kept for the de-duplication window
        // whatever the retention of the events. Times are UTC ticks. The partition count is recorded in
        // stream_metadata by the first log that opens the file.
        new(3, "stream_log", """
            CREATE TABLE stream_metadata (
                name TEXT NOT NULL PRIMARY KEY,
                value INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE stream_heads (
                partition INTEGER NOT NULL PRIMARY KEY,
                next_sequence_number INTEGER NOT NULL,
                next_offset INTEGER NOT NULL,
                last_enqueued_at INTEGER NULL
            );
            CREATE TABLE stream_events (
                partition INTEGER NOT NULL,
                sequence_number INTEGER NOT NULL,
                offset INTEGER NOT NULL,
                enqueued_at INTEGER NOT NULL,
                namespace TEXT NOT NULL,
                key TEXT NOT NULL,
                event_id TEXT NOT NULL,
                body BLOB NOT NULL,
                PRIMARY KEY (partition, sequence_number)
            ) WITHOUT ROWID;
            CREATE TABLE stream_event_ids (
                event_id TEXT NOT NULL PRIMARY KEY,
                seen_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX stream_event_ids_seen_at ON stream_event_ids (seen_at);
            """),

        new(4, "stream_checkpoints", """
            CREATE TABLE stream_checkpoints (
                consumer_group TEXT NOT NULL,
                partition INTEGER NOT NULL,
                sequence_number INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (consumer_group, partition)
            ) WITHOUT ROWID;
            """),

        // The rowid records the order letters were added, which breaks ties between equal failure times.
        new(5, "stream_dead_letters", """
            CREATE TABLE stream_dead_letters (
                id TEXT NOT NULL PRIMARY KEY,
                consumer_group TEXT NOT NULL,
                grain_type TEXT NOT NULL,
                partition INTEGER NOT NULL,
                sequence_number INTEGER NOT NULL,
                offset INTEGER NOT NULL,
                enqueued_at INTEGER NOT NULL,
                namespace TEXT NOT NULL,
                key TEXT NOT NULL,
                event_id TEXT NOT NULL,
                body BLOB NOT NULL,
                error_type TEXT NOT NULL,
                error_message TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                failed_at INTEGER NOT NULL
            );
            CREATE INDEX stream_dead_letters_failed_at ON stream_dead_letters (failed_at);
            """),

        // De-duplication moved to an index in memory, rebuilt at open from stream_events through its primary key
        // (partition, sequence_number), so appends no longer write every id into a B-tree of its own. Dropping the
        // table drops its seen_at index with it.
        new(6, "drop_stream_event_ids", """
            DROP TABLE stream_event_ids;
            """),

        // Events move from one stream_events row each to one stream_segments row per append and partition: the
        // append's events of that partition packed into one blob (StreamSegmentFormat), so an append writes a row per
        // partition it touches instead of one per event. A rowid table, not WITHOUT ROWID: its rows are kilobytes, and
        // only a rowid table keeps them out of its interior pages; the index finds a partition's segments by sequence
        // number. The code of the step repacks the rows of stream_events into segments, then drops that table.
        new(7, "stream_segments", """
            CREATE TABLE stream_segments (
                id INTEGER PRIMARY KEY,
                partition INTEGER NOT NULL,
                first_sequence_number INTEGER NOT NULL,
                event_count INTEGER NOT NULL,
                first_offset INTEGER NOT NULL,
                enqueued_at INTEGER NOT NULL,
                events BLOB NOT NULL
            );
            CREATE UNIQUE INDEX stream_segments_position ON stream_segments (partition, first_sequence_number);
            """, StreamEventsToSegments.Move),
    ];
}
