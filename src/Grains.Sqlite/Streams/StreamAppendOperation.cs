using Grains.Streams;

namespace Grains.Sqlite;

/// <summary>
/// Appends one batch inside the writer's transaction: each event is checked against the log's de-duplication index
/// (earlier events of the batch included), then inserted at its partition's next sequence number and offset and
/// indexed. The heads are written back at the end, so the whole append commits or rolls back with its write batch;
/// a rollback makes the log rebuild its index before its next append.
/// </summary>
/// <remarks>
/// This is the hot path of the log: one insert per new event, appended at the end of its partition's range of the
/// primary key, prepared once per operation on the writer's handle and bound by index, bodies straight from the
/// caller's memory. Ids were hashed on the callers' threads. The caller's task completes only after this ran, so the
/// bodies are read while the caller still awaits the append.
/// </remarks>
internal sealed class StreamAppendOperation(
    IReadOnlyList<StreamEventData> events,
    int[] partitions,
    ulong[] hashes,
    StreamHeads heads,
    StreamDeduplication deduplication,
    TimeProvider time) : SqliteWriteOperation<StreamAppendOutcome>
{
    protected override StreamAppendOutcome Execute(SqliteCommandCache commands)
    {
        // Taken by the writer, so enqueue times follow sequence numbers within a partition.
        var enqueuedAt = time.GetUtcNow().UtcTicks;
        deduplication.Begin(commands, enqueuedAt);
        var expiredAtOrBefore = deduplication.ExpiredAtOrBefore(enqueuedAt);
        using var insert = SqliteStatement.Prepare(commands.Connection, StreamLogSql.InsertEvent);
        var (partition, sequenceNumber, offset) = (insert.IndexOf("$partition"), insert.IndexOf("$sequenceNumber"), insert.IndexOf("$offset"));
        var (@namespace, key, eventId, body) = (insert.IndexOf("$namespace"), insert.IndexOf("$key"), insert.IndexOf("$eventId"), insert.IndexOf("$body"));
        insert.Bind(insert.IndexOf("$enqueuedAt"), enqueuedAt);
        SqliteStatement? verify = null;
        try
        {
            heads.Begin();
            var appended = new List<StreamPosition>(events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                var data = events[i];
                if (deduplication.IsDuplicate(commands.Connection, ref verify, hashes[i], data.EventId, expiredAtOrBefore))
                {
                    continue;
                }

                var bytes = data.Body.Span;
                var position = heads.Take(commands, partitions[i], bytes.Length);
                insert.Bind(partition, partitions[i]);
                insert.Bind(sequenceNumber, position.SequenceNumber);
                insert.Bind(offset, position.Offset);
                insert.Bind(@namespace, data.Namespace);
                insert.Bind(key, data.Key);
                insert.Bind(eventId, data.EventId);
                insert.Bind(body, bytes);
                insert.Execute();
                deduplication.Record(hashes[i], partitions[i], position.SequenceNumber, enqueuedAt);
                appended.Add(new StreamPosition(partitions[i], position.SequenceNumber));
            }

            var touched = heads.Save(commands, enqueuedAt);
            deduplication.End();
            return new StreamAppendOutcome(appended, events.Count - appended.Count, touched);
        }
        finally
        {
            verify?.Dispose();
        }
    }

    protected override void RolledBack() => deduplication.Invalidate();
}
