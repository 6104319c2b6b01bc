using Grains.Reminders;
using Grains.Storage;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>Inserts or replaces one reminder under a fresh ETag from the schema-wide sequence.</summary>
internal sealed class ReminderUpsertOperation(ReminderEntry entry) : WriteOperation<string>
{
    public override string LockOrder { get; } = ReminderLockOrder.Of(entry.GrainId, entry.Name);

    public override NpgsqlBatchCommand CreateCommand() => new(ReminderSql.Upsert)
    {
        Parameters =
        {
            Value(entry.GrainId.Type.Name),
            Value(entry.GrainId.Key),
            Value(entry.Name),
            Value(entry.Partition),
            Value(entry.StartAt.UtcTicks),
            Value(entry.Period.Ticks),
        },
    };

    protected override string Interpret(long? returned) =>
        VersionEtag.Format(returned ?? throw new InvalidOperationException("The reminder upsert returned no ETag."));
}
