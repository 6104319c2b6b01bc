namespace Grains.Sqlite;

/// <summary>The statements of the checkpoint store. Times are UTC ticks.</summary>
internal static class CheckpointSql
{
    public const string Read = "SELECT sequence_number, updated_at FROM stream_checkpoints WHERE consumer_group = $consumerGroup AND partition = $partition;";

    public const string ReadAll = "SELECT partition, sequence_number, updated_at FROM stream_checkpoints WHERE consumer_group = $consumerGroup ORDER BY partition;";

    public const string Write = """
        INSERT INTO stream_checkpoints (consumer_group, partition, sequence_number, updated_at)
        VALUES ($consumerGroup, $partition, $sequenceNumber, $updatedAt)
        ON CONFLICT (consumer_group, partition) DO UPDATE SET sequence_number = excluded.sequence_number, updated_at = excluded.updated_at;
        """;
}
