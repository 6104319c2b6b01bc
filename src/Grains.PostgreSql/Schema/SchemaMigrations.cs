namespace Grains.PostgreSql;

/// <summary>
/// The schema of the providers, as ordered steps. To change it, append a step with the next version and its SQL; never
/// edit or reorder a step that has shipped, since databases already record it as applied.
/// </summary>
/// <remarks>
/// Times are UTC ticks (bigint), so values round-trip to the 100 ns tick. <c>lease_epoch</c> columns record the
/// partition lease epoch of the last writer of a row (0 while there is no cluster), so a fencing step can refuse a
/// write from a silo whose lease has passed to a higher epoch.
/// </remarks>
internal static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        // Clears keep the row with a NULL payload, so versions, the ETags, never repeat for a key.
        new(1, "grain_state", """
            CREATE TABLE grain_state (
                grain_type text NOT NULL,
                grain_key text NOT NULL,
                state_name text NOT NULL,
                version bigint NOT NULL,
                data bytea NULL,
                updated_at bigint NOT NULL,
                lease_epoch bigint NOT NULL DEFAULT 0,
                PRIMARY KEY (grain_type, grain_key, state_name)
            );
            """),

        // ETags come from one sequence rather than a per-row version, so a reminder removed and registered again
        // never gets an ETag a late delivery still holds.
        new(2, "reminders", """
            CREATE SEQUENCE reminder_etag;
            CREATE TABLE reminders (
                grain_type text NOT NULL,
                grain_key text NOT NULL,
                name text NOT NULL,
                partition integer NOT NULL,
                start_at bigint NOT NULL,
                period bigint NOT NULL,
                etag bigint NOT NULL,
                lease_epoch bigint NOT NULL DEFAULT 0,
                PRIMARY KEY (grain_type, grain_key, name)
            );
            CREATE INDEX reminders_partition_start_at ON reminders (partition, start_at);
            """),

        // The stream log. stream_log is one row: the partition count the log was created with, and the log-wide
        // ordinal of the next stored event, which orders events for the de-duplication capacity; every append locks
        // it, so ordinals, sequence numbers and offsets are allocated without gaps and commit in order. A head row per
        // partition keeps counting after its events are trimmed, so sequence numbers and offsets are never reused.
        // stream_event_ids holds, per id, the latest stored event with that id; trimming an event removes its row.
        new(3, "stream_log", """
            CREATE TABLE stream_log (
                id smallint PRIMARY KEY CHECK (id = 1),
                partition_count integer NOT NULL,
                next_ordinal bigint NOT NULL
            );
            CREATE TABLE stream_heads (
                partition integer PRIMARY KEY,
                next_sequence_number bigint NOT NULL,
                next_offset bigint NOT NULL,
                last_enqueued_at bigint NULL
            );
            CREATE TABLE stream_events (
                partition integer NOT NULL,
                sequence_number bigint NOT NULL,
                event_offset bigint NOT NULL,
                enqueued_at bigint NOT NULL,
                namespace text NOT NULL,
                key text NOT NULL,
                event_id text NOT NULL,
                body bytea NOT NULL,
                PRIMARY KEY (partition, sequence_number)
            );
            CREATE TABLE stream_event_ids (
                event_id text PRIMARY KEY,
                partition integer NOT NULL,
                sequence_number bigint NOT NULL,
                enqueued_at bigint NOT NULL,
                ordinal bigint NOT NULL
            );
            """),

        new(4, "stream_checkpoints", """
            CREATE TABLE stream_checkpoints (
                consumer_group text NOT NULL,
                partition integer NOT NULL,
                sequence_number bigint NOT NULL,
                updated_at bigint NOT NULL,
                lease_epoch bigint NOT NULL DEFAULT 0,
                PRIMARY KEY (consumer_group, partition)
            );
            """),

        // added records the order letters were added, which breaks ties between equal failure times.
        new(5, "stream_dead_letters", """
            CREATE TABLE stream_dead_letters (
                id text PRIMARY KEY,
                added bigint GENERATED ALWAYS AS IDENTITY,
                consumer_group text NOT NULL,
                grain_type text NOT NULL,
                partition integer NOT NULL,
                sequence_number bigint NOT NULL,
                event_offset bigint NOT NULL,
                enqueued_at bigint NOT NULL,
                namespace text NOT NULL,
                key text NOT NULL,
                event_id text NOT NULL,
                body bytea NOT NULL,
                error_type text NOT NULL,
                error_message text NOT NULL,
                attempts integer NOT NULL,
                failed_at bigint NOT NULL
            );
            CREATE INDEX stream_dead_letters_failed_at ON stream_dead_letters (failed_at, added);
            """),

        // The cluster store: a row per silo, and a lease row per partition (created by the first silo, one per
        // partition). epoch counts the claims of a partition and never goes back: it is the fencing token fenced
        // writes check, under a FOR SHARE lock of the lease row, so a concurrent claim waits for them.
        new(6, "cluster", """
            CREATE TABLE cluster_silos (
                silo_id text PRIMARY KEY,
                endpoint text NOT NULL,
                status text NOT NULL CHECK (status IN ('joining', 'active', 'shutting_down', 'dead')),
                started_at bigint NOT NULL,
                heartbeat_at bigint NOT NULL
            );
            CREATE TABLE partition_leases (
                partition integer PRIMARY KEY,
                owner text NULL,
                expires_at bigint NOT NULL,
                epoch bigint NOT NULL
            );
            """),
    ];
}
