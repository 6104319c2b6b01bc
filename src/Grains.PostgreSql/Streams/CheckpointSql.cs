namespace Grains.PostgreSql;

/// <summary>The statements of the checkpoint store; $1 consumer group. Times are UTC ticks.</summary>
internal static class CheckpointSql
{
    public const string Read = "SELECT sequence_number, updated_at FROM stream_checkpoints WHERE consumer_group = $1 AND partition = $2;";

    public const string ReadAll = "SELECT partition, sequence_number, updated_at FROM stream_checkpoints WHERE consumer_group = $1 ORDER BY partition;";

    /// <summary>$2 partition, $3 sequence number, $4 updated-at: the last write wins.</summary>
    public const string Write = """
        INSERT INTO stream_checkpoints (consumer_group, partition, sequence_number, updated_at)
        VALUES ($1, $2, $3, $4)
        ON CONFLICT (consumer_group, partition) DO UPDATE SET sequence_number = excluded.sequence_number, updated_at = excluded.updated_at
        RETURNING sequence_number;
        """;
}
