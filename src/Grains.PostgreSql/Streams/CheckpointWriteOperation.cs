using Npgsql;

namespace Grains.PostgreSql;

/// <summary>Records one checkpoint; the last write of a (group, partition) wins.</summary>
internal sealed class CheckpointWriteOperation(string consumerGroup, int partition, long sequenceNumber, long updatedAt) : WriteOperation<bool>
{
    public override string LockOrder { get; } = $"stream_checkpoints\0{consumerGroup}\0{partition:D10}";

    public override NpgsqlBatchCommand CreateCommand() => new(CheckpointSql.Write)
    {
        Parameters = { Value(consumerGroup), Value(partition), Value(sequenceNumber), Value(updatedAt) },
    };

    protected override bool Interpret(long? returned) => returned is not null;
}
