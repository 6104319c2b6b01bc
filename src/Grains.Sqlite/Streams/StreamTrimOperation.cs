namespace Grains.Sqlite;

/// <summary>
/// Removes a partition's events through a sequence number that were enqueued before a time, and purges one chunk of
/// expired event ids with it, so retention also bounds the de-duplication table.
/// </summary>
internal sealed class StreamTrimOperation(int partition, long throughSequenceNumber, long enqueuedBefore, long expiredAtOrBefore, int purgeLimit)
    : SqliteWriteOperation<StreamTrimOutcome>
{
    protected override StreamTrimOutcome Execute(SqliteCommandCache commands)
    {
        var removed = commands.Get(StreamLogSql.Trim)
            .Bind("$partition", partition)
            .Bind("$throughSequenceNumber", throughSequenceNumber)
            .Bind("$enqueuedBefore", enqueuedBefore)
            .ExecuteNonQuery();
        return new StreamTrimOutcome(removed, EventIdPurgeOperation.Purge(commands, expiredAtOrBefore, purgeLimit));
    }
}
