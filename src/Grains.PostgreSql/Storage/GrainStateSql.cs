namespace Grains.PostgreSql;

/// <summary>The statements of the grain state provider; $1 grain type, $2 grain key, $3 state name.</summary>
internal static class GrainStateSql
{
    public const string Read = "SELECT version, data FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3;";

    public const string ReadVersion = "SELECT version FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3;";

    /// <summary>First write of a key ($4 data, $5 updated-at): a row that exists, a tombstone included, returns nothing.</summary>
    public const string Insert = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, version, data, updated_at)
        VALUES ($1, $2, $3, 1, $4, $5)
        ON CONFLICT DO NOTHING
        RETURNING version;
        """;

    /// <summary>Replaces the payload ($4, NULL for a clear) only at the expected version $6; the version keeps counting.</summary>
    public const string Update = """
        UPDATE grain_state SET version = version + 1, data = $4, updated_at = $5
        WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $6
        RETURNING version;
        """;
}
