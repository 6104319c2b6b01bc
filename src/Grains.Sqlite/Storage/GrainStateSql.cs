namespace Grains.Sqlite;

/// <summary>The statements of the grain state provider, each compiled once per connection.</summary>
internal static class GrainStateSql
{
    private const string KeyFilter = "grain_type = $grainType AND grain_key = $grainKey AND state_name = $stateName";

    public const string Read = $"SELECT version, data FROM grain_state WHERE {KeyFilter};";

    public const string ReadVersion = $"SELECT version FROM grain_state WHERE {KeyFilter};";

    /// <summary>First write of a key: a row that exists (a tombstone included) makes it a conflict.</summary>
    public const string Insert = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, version, data, updated_at)
        VALUES ($grainType, $grainKey, $stateName, 1, $data, $updatedAt)
        ON CONFLICT DO NOTHING;
        """;

    /// <summary>Replaces the payload (NULL for a clear) only at the expected version; the version keeps counting.</summary>
    public const string Update = $"""
        UPDATE grain_state SET version = $expectedVersion + 1, data = $data, updated_at = $updatedAt
        WHERE {KeyFilter} AND version = $expectedVersion;
        """;
}
