using Grains.Reminders;
using Grains.Storage;

namespace Grains.Sqlite;

/// <summary>Inserts or replaces one reminder under a fresh ETag from the database-wide sequence.</summary>
internal sealed class ReminderUpsertOperation(ReminderEntry entry) : SqliteWriteOperation<string>
{
    protected override string Execute(SqliteCommandCache commands)
    {
        var etag = commands.Get(ReminderSql.NextEtag).ExecuteScalar() as long?
            ?? throw new InvalidOperationException("The reminder_etag sequence is missing from the database.");
        commands.Get(ReminderSql.Upsert)
            .Bind("$grainType", entry.GrainId.Type.Name)
            .Bind("$grainKey", entry.GrainId.Key)
            .Bind("$name", entry.Name)
            .Bind("$partition", entry.Partition)
            .Bind("$startAt", entry.StartAt.UtcTicks)
            .Bind("$period", entry.Period.Ticks)
            .Bind("$etag", etag)
            .ExecuteNonQuery();
        return VersionEtag.Format(etag);
    }
}
