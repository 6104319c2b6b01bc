namespace Grains.Sqlite;

/// <summary>Removes a dead letter; returns whether it was there.</summary>
internal sealed class DeadLetterRemoveOperation(string id) : SqliteWriteOperation<bool>
{
    protected override bool Execute(SqliteCommandCache commands) =>
        commands.Get(DeadLetterSql.Remove).Bind("$id", id).ExecuteNonQuery() == 1;
}
