using Npgsql;

namespace Grains.PostgreSql;

/// <summary>Removes one reminder if it still has the ETag the caller read.</summary>
internal sealed class ReminderRemoveOperation(GrainId grainId, string name, long etag) : WriteOperation<bool>
{
    public override string LockOrder { get; } = ReminderLockOrder.Of(grainId, name);

    public override NpgsqlBatchCommand CreateCommand() => new(ReminderSql.Remove)
    {
        Parameters = { Value(grainId.Type.Name), Value(grainId.Key), Value(name), Value(etag) },
    };

    protected override bool Interpret(long? returned) => returned is not null;
}
