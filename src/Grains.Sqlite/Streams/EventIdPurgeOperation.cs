namespace Grains.Sqlite;

/// <summary>Forgets up to a chunk of event ids whose de-duplication window has passed; chunks keep each write batch short.</summary>
internal sealed class EventIdPurgeOperation(long expiredAtOrBefore, int limit) : SqliteWriteOperation<int>
{
    public static int Purge(SqliteCommandCache commands, long expiredAtOrBefore, int limit) =>
        commands.Get(StreamLogSql.PurgeEventIds)
            .Bind("$expiredAtOrBefore", expiredAtOrBefore)
            .Bind("$limit", limit)
            .ExecuteNonQuery();

    protected override int Execute(SqliteCommandCache commands) => Purge(commands, expiredAtOrBefore, limit);
}
