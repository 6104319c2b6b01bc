using Grains.Streams;

namespace Grains.Sqlite;

/// <summary>
/// Appends one batch inside the writer's transaction: each event is de-duplicated against the remembered ids (earlier
/// events of the batch included), then inserted at its partition's next sequence number and offset. The heads are
/// written back at the end, so the whole append commits or rolls back with its write batch.
/// </summary>
/// <remarks>
/// This is the hot path of the log: two statements per event, prepared once per operation on the writer's handle and
/// bound by index, bodies straight from the caller's memory. The caller's task completes only after this ran, so the
/// bodies are read while the caller still awaits the append.
/// </remarks>
internal sealed class StreamAppendOperation(
    IReadOnlyList<StreamEventData> events,
    int[] partitions,
    StreamHeads heads,
    TimeProvider time,
    TimeSpan deduplicationWindow) : SqliteWriteOperation<StreamAppendOutcome>
{
    protected override StreamAppendOutcome Execute(SqliteCommandCache commands)
    {
        // Taken by the writer, so enqueue times follow sequence numbers within a partition.
        var now = time.GetUtcNow();
        var enqueuedAt = now.UtcTicks;
        using var remember = SqliteStatement.Prepare(commands.Connection, StreamLogSql.RememberEventId);
        using var insert = SqliteStatement.Prepare(commands.Connection, StreamLogSql.InsertEvent);
        var rememberedId = remember.IndexOf("$eventId");
        remember.Bind(remember.IndexOf("$seenAt"), enqueuedAt);
        remember.Bind(remember.IndexOf("$expiredAtOrBefore"), (now - deduplicationWindow).UtcTicks);
        var (partition, sequenceNumber, offset) = (insert.IndexOf("$partition"), insert.IndexOf("$sequenceNumber"), insert.IndexOf("$offset"));
        var (@namespace, key, eventId, body) = (insert.IndexOf("$namespace"), insert.IndexOf("$key"), insert.IndexOf("$eventId"), insert.IndexOf("$body"));
        insert.Bind(insert.IndexOf("$enqueuedAt"), enqueuedAt);

        heads.Begin();
        var appended = new List<StreamPosition>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var data = events[i];
            remember.Bind(rememberedId, data.EventId);
            if (remember.Execute() == 0)
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
            appended.Add(new StreamPosition(partitions[i], position.SequenceNumber));
        }

        return new StreamAppendOutcome(appended, events.Count - appended.Count, heads.Save(commands, enqueuedAt));
    }
}
