using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Grains.Sqlite;

/// <summary>
/// The code of schema step 7: moves the events of <c>stream_events</c> (one row each, the layout of steps 3 to 6)
/// into <c>stream_segments</c>, then drops <c>stream_events</c>. Consecutive events of a partition that share their
/// enqueue time, which is how an append stored them, become one segment (up to
/// <see cref="StreamSegmentFormat.MaxRecordBytes"/>); a gap in sequence numbers or offsets starts a new one. Sequence
/// numbers, offsets, enqueue times and every field stay as they were; text columns are copied as the UTF-8 bytes
/// SQLite holds, never through strings. Runs inside the migration transaction, so it applies whole or not at all.
/// </summary>
internal static class StreamEventsToSegments
{
    private const string ReadEvents = """
        SELECT partition, sequence_number, offset, enqueued_at, namespace, key, event_id, body FROM stream_events
        ORDER BY partition, sequence_number;
        """;

    public static void Move(SqliteConnection connection, ILogger logger)
    {
        using var read = SqliteStatement.Prepare(connection, ReadEvents);
        using var insert = SqliteStatement.Prepare(connection, StreamLogSql.InsertSegment);
        var segment = new StreamSegmentBuilder();
        var partition = -1;
        long enqueuedAt = 0;
        long nextSequenceNumber = 0;
        long nextOffset = 0;
        long events = 0;
        long segments = 0;
        try
        {
            while (read.Read())
            {
                var rowPartition = checked((int)read.GetInt64(0));
                var sequenceNumber = read.GetInt64(1);
                var offset = read.GetInt64(2);
                var rowEnqueuedAt = read.GetInt64(3);
                var body = read.GetBytes(7);
                var follows = segment.Count > 0 && rowPartition == partition && rowEnqueuedAt == enqueuedAt
                    && sequenceNumber == nextSequenceNumber && offset == nextOffset;
                var recordLength = StreamSegmentFormat.SizeOfRecord(read.GetBytes(4).Length, read.GetBytes(5).Length, read.GetBytes(6).Length, body.Length);
                if (segment.Count > 0 && (!follows || segment.IsFullFor(checked((int)recordLength))))
                {
                    StreamSegmentRows.Insert(insert, partition, segment, enqueuedAt);
                    segments++;
                    follows = false;
                }

                if (!follows)
                {
                    segment.Start(sequenceNumber, offset);
                    partition = rowPartition;
                    enqueuedAt = rowEnqueuedAt;
                }

                segment.Add(read.GetBytes(4), read.GetBytes(5), read.GetBytes(6), body);
                nextSequenceNumber = sequenceNumber + 1;
                nextOffset = offset + body.Length;
                events++;
            }
        }
        finally
        {
            read.Reset();
        }

        if (segment.Count > 0)
        {
            StreamSegmentRows.Insert(insert, partition, segment, enqueuedAt);
            segments++;
        }

        using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP TABLE stream_events;";
            drop.ExecuteNonQuery();
        }

        SqliteLog.StreamEventsMoved(logger, events, segments, connection.DataSource);
    }
}
