namespace Grains.Sqlite;

/// <summary>
/// Removes a partition's events through a sequence number that were enqueued before a time (UTC ticks), and takes
/// the ids of those still within the de-duplication window out of the log's index.
/// </summary>
internal sealed class StreamTrimOperation(
    int partition,
    long throughSequenceNumber,
    long enqueuedBefore,
    StreamDeduplication deduplication,
    TimeProvider time) : SqliteWriteOperation<int>
{
    protected override int Execute(SqliteCommandCache commands)
    {
        deduplication.ForgetTrimmed(commands, partition, throughSequenceNumber, enqueuedBefore, time.GetUtcNow().UtcTicks);
        return commands.Get(StreamLogSql.Trim)
            .Bind("$partition", partition)
            .Bind("$throughSequenceNumber", throughSequenceNumber)
            .Bind("$enqueuedBefore", enqueuedBefore)
            .ExecuteNonQuery();
    }

    protected override void RolledBack() => deduplication.Invalidate();
}
