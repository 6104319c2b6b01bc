namespace Grains.Sqlite;

/// <summary>Removes one reminder if it still has the ETag the caller read.</summary>
internal sealed class ReminderRemoveOperation(GrainId grainId, string name, long etag) : SqliteWriteOperation<bool>
{
    protected override bool Execute(SqliteCommandCache commands) =>
        commands.Get(ReminderSql.Remove)
            .Bind("$grainType", grainId.Type.Name)
            .Bind("$grainKey", grainId.Key)
            .Bind("$name", name)
            .Bind("$etag", etag)
            .ExecuteNonQuery() == 1;
}
