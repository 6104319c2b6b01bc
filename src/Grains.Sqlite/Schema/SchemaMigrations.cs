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
    ];
}
