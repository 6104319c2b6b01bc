using Grains.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Grains.PostgreSql;

/// <summary>A conditional write (or, with null data, clear) of one grain state; its result is the new version, or null on a conflict.</summary>
internal sealed class GrainStateWriteOperation(GrainStateKey key, byte[]? data, long? expectedVersion, long updatedAt)
    : WriteOperation<long?>
{
    public override string LockOrder { get; } = $"grain_state\0{key.GrainType}\0{key.GrainKey}\0{key.StateName}";

    public override NpgsqlBatchCommand CreateCommand()
    {
        var command = new NpgsqlBatchCommand(expectedVersion is null ? GrainStateSql.Insert : GrainStateSql.Update)
        {
            Parameters =
            {
                Value(key.GrainType),
                Value(key.GrainKey),
                Value(key.StateName),
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = (object?)data ?? DBNull.Value },
                Value(updatedAt),
            },
        };
        if (expectedVersion is { } version)
        {
            command.Parameters.Add(Value(version));
        }

        return command;
    }

    protected override long? Interpret(long? returned) => returned;
}
