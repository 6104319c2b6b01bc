using Grains.Streams;

namespace Grains.Sqlite;

/// <summary>
/// Appends one packed batch inside the writer's transaction: each event is checked against the log's de-duplication
/// index (earlier events of the batch included), given its partition's next sequence number and offset and indexed;
/// then each partition the append kept events of gets one segment row, and the heads are written back. The whole
/// append commits or rolls back with its write batch; a rollback makes the log rebuild its index before its next
/// append.
/// </summary>
/// <remarks>
/// This is the hot path of the log: the events were encoded, grouped by partition and hashed on the caller's thread
/// (<see cref="StreamAppendBatch"/>), so the writer does per event only the index lookup and the head arithmetic, and
/// one insert per partition touched, bound straight from the batch's buffer. The caller's task completes only after
/// this ran, so the buffer is read while the caller still holds it.
/// </remarks>
internal sealed class StreamAppendOperation(
    StreamAppendBatch batch,
    StreamHeads heads,
    StreamDeduplication deduplication,
    StreamSegmentBuilder builder,
    TimeProvider time) : SqliteWriteOperation<StreamAppendOutcome>
{
    protected override StreamAppendOutcome Execute(SqliteCommandCache commands)
    {
        // Taken by the writer, so enqueue times follow sequence numbers within a partition.
        var enqueuedAt = time.GetUtcNow().UtcTicks;
        deduplication.Begin(commands, enqueuedAt);
        var expiredAtOrBefore = deduplication.ExpiredAtOrBefore(enqueuedAt);
        var segments = new StreamAppendSegments(batch);
        heads.Begin();
        var appended = new List<StreamPosition>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            ref readonly var e = ref batch[i];
            if (deduplication.IsDuplicate(commands, segments, e.Hash, batch.EventId(i), expiredAtOrBefore))
            {
                continue;
            }

            var position = heads.Take(commands, e.Partition, e.BodyLength);
            segments.Add(i, position.SequenceNumber, position.Offset);
            deduplication.Record(e.Hash, e.Partition, position.SequenceNumber, enqueuedAt);
            appended.Add(new StreamPosition(e.Partition, position.SequenceNumber));
        }

        segments.Write(commands.Statement(StreamLogSql.InsertSegment), builder, enqueuedAt);
        var touched = heads.Save(commands, enqueuedAt);
        deduplication.End();
        return new StreamAppendOutcome(appended, batch.Count - appended.Count, touched);
    }

    protected override void RolledBack() => deduplication.Invalidate();
}
