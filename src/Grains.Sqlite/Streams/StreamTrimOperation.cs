namespace Grains.Sqlite;

/// <summary>
/// Removes a partition's events through a sequence number that were enqueued before a time (UTC ticks), and takes
/// the ids of those still within the de-duplication window out of the log's index. Segments whose every event
/// qualifies are deleted; the one segment that holds the through sequence number with events after it is rewritten
/// to keep exactly those, so no event beyond the through sequence number is ever removed.
/// </summary>
internal sealed class StreamTrimOperation(
    int partition,
    long throughSequenceNumber,
    long enqueuedBefore,
    StreamDeduplication deduplication,
    StreamSegmentBuilder builder,
    TimeProvider time) : SqliteWriteOperation<int>
{
    protected override int Execute(SqliteCommandCache commands)
    {
        deduplication.ForgetTrimmed(commands, partition, throughSequenceNumber, enqueuedBefore, time.GetUtcNow().UtcTicks);
        return DeleteWholeSegments(commands) + CutSegmentAtThrough(commands);
    }

    protected override void RolledBack() => deduplication.Invalidate();

    private int DeleteWholeSegments(SqliteCommandCache commands)
    {
        var delete = commands.Statement(StreamLogSql.TrimSegments)
            .Bind("$partition", partition)
            .Bind("$throughSequenceNumber", throughSequenceNumber)
            .Bind("$enqueuedBefore", enqueuedBefore);
        var removed = 0;
        try
        {
            while (delete.Read())
            {
                removed += checked((int)delete.GetInt64(0));
            }
        }
        finally
        {
            delete.Reset();
        }

        return removed;
    }

    /// <summary>Drops the events through the through sequence number from the front of the segment holding it, if it holds later ones too.</summary>
    private int CutSegmentAtThrough(SqliteCommandCache commands)
    {
        var read = commands.Statement(StreamLogSql.ReadSegmentAt)
            .Bind("$partition", partition)
            .Bind("$sequenceNumber", throughSequenceNumber);
        long firstSequenceNumber;
        try
        {
            if (!read.Read())
            {
                return 0;
            }

            var segment = StreamSegmentRow.Current(read);
            if (!segment.Holds(throughSequenceNumber) || segment.EnqueuedAt >= enqueuedBefore)
            {
                return 0;
            }

            // The whole segment qualifying was handled by the delete; here it ends after the through sequence number.
            var kept = segment.ReaderFrom(throughSequenceNumber + 1);
            firstSequenceNumber = segment.FirstSequenceNumber;
            builder.Start(throughSequenceNumber + 1, segment.FirstOffset + kept.BodyBytes);
            builder.AddRecords(segment.Events[kept.Position..], (int)(segment.EndSequenceNumber - throughSequenceNumber - 1));
        }
        finally
        {
            read.Reset();
        }

        commands.Statement(StreamLogSql.CutSegment)
            .Bind("$partition", partition)
            .Bind("$firstSequenceNumber", firstSequenceNumber)
            .Bind("$newFirstSequenceNumber", builder.FirstSequenceNumber)
            .Bind("$eventCount", builder.Count)
            .Bind("$firstOffset", builder.FirstOffset)
            .Bind("$events", builder.Events)
            .Execute();
        return (int)(throughSequenceNumber - firstSequenceNumber + 1);
    }
}
