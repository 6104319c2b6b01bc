namespace Grains.Sqlite;

/// <summary>
/// Records the partition count if the file has no log yet, creates the partitions' heads and builds the log's
/// de-duplication index from the events already stored; returns the partition count the file's log was created with,
/// which the opener compares with its own (on a mismatch nothing else is done).
/// </summary>
internal sealed class StreamLogOpenOperation(int partitionCount, StreamDeduplication deduplication, TimeProvider time) : SqliteWriteOperation<long>
{
    protected override long Execute(SqliteCommandCache commands)
    {
        var recorded = commands.Get(StreamLogSql.RecordPartitionCount).Bind("$partitionCount", partitionCount).ExecuteScalar() as long?
            ?? throw new InvalidOperationException("The stream log's partition count is missing from the database.");
        if (recorded != partitionCount)
        {
            return recorded;
        }

        var create = commands.Get(StreamLogSql.CreateHead);
        for (var partition = 0; partition < partitionCount; partition++)
        {
            create.Bind("$partition", partition).ExecuteNonQuery();
        }

        deduplication.Rebuild(commands, time.GetUtcNow().UtcTicks);
        return recorded;
    }

    protected override void RolledBack() => deduplication.Invalidate();
}
