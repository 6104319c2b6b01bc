namespace Grains.Sqlite;

/// <summary>
/// One <c>stream_segments</c> row as a query returns it (<see cref="StreamLogSql.SegmentColumns"/>): its events'
/// shared columns and their packed records, a view valid until the statement's next step or reset.
/// </summary>
internal readonly ref struct StreamSegmentRow(long firstSequenceNumber, int count, long firstOffset, long enqueuedAt, ReadOnlySpan<byte> events)
{
    public long FirstSequenceNumber { get; } = firstSequenceNumber;

    public int Count { get; } = count;

    public long FirstOffset { get; } = firstOffset;

    /// <summary>UTC ticks, shared by every event of the segment.</summary>
    public long EnqueuedAt { get; } = enqueuedAt;

    /// <summary>The format byte and the records (<see cref="StreamSegmentFormat"/>).</summary>
    public ReadOnlySpan<byte> Events { get; } = events;

    /// <summary>The sequence number after the segment's last event.</summary>
    public long EndSequenceNumber => FirstSequenceNumber + Count;

    /// <summary>The row the statement is on.</summary>
    public static StreamSegmentRow Current(SqliteStatement statement) =>
        new(statement.GetInt64(0), checked((int)statement.GetInt64(1)), statement.GetInt64(2), statement.GetInt64(3), statement.GetBytes(4));

    /// <summary>True when the segment holds the event at <paramref name="sequenceNumber"/>.</summary>
    public bool Holds(long sequenceNumber) => sequenceNumber >= FirstSequenceNumber && sequenceNumber < EndSequenceNumber;

    /// <summary>A reader of the records, moved past those before <paramref name="sequenceNumber"/> (none when it is at or before the first).</summary>
    public StreamSegmentReader ReaderFrom(long sequenceNumber)
    {
        var reader = new StreamSegmentReader(Events);
        for (var skip = sequenceNumber - FirstSequenceNumber; skip > 0; skip--)
        {
            reader.Skip();
        }

        return reader;
    }
}
