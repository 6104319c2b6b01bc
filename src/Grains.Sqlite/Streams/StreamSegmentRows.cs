namespace Grains.Sqlite;

/// <summary>Writes rows of <c>stream_segments</c> through the statement of <see cref="StreamLogSql.InsertSegment"/>.</summary>
internal static class StreamSegmentRows
{
    public static void Insert(
        SqliteStatement insert,
        int partition,
        long firstSequenceNumber,
        int count,
        long firstOffset,
        long enqueuedAt,
        ReadOnlySpan<byte> events)
    {
        insert.Bind("$partition", partition)
            .Bind("$firstSequenceNumber", firstSequenceNumber)
            .Bind("$eventCount", count)
            .Bind("$firstOffset", firstOffset)
            .Bind("$enqueuedAt", enqueuedAt)
            .Bind("$events", events)
            .Execute();
    }

    /// <summary>Inserts the segment <paramref name="builder"/> holds.</summary>
    public static void Insert(SqliteStatement insert, int partition, StreamSegmentBuilder builder, long enqueuedAt) =>
        Insert(insert, partition, builder.FirstSequenceNumber, builder.Count, builder.FirstOffset, enqueuedAt, builder.Events);
}
