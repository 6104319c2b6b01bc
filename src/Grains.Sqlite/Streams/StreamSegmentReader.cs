namespace Grains.Sqlite;

/// <summary>
/// Walks the records of a segment's packed events (<see cref="StreamSegmentFormat"/>) in order, without copying. Bytes
/// that do not follow the format, or a version it does not know, throw <see cref="InvalidDataException"/>.
/// </summary>
internal ref struct StreamSegmentReader
{
    private readonly ReadOnlySpan<byte> _events;
    private int _position;
    private long _bodyBytes;

    public StreamSegmentReader(ReadOnlySpan<byte> events)
    {
        if (events.IsEmpty || events[0] != StreamSegmentFormat.Version)
        {
            throw new InvalidDataException(events.IsEmpty
                ? "A stream segment holds no bytes; it must start with its format byte."
                : $"A stream segment has format {events[0]}; this build reads format {StreamSegmentFormat.Version}.");
        }

        _events = events;
        _position = 1;
    }

    /// <summary>Where the next record starts, in bytes from the start of the segment (the format byte).</summary>
    public readonly int Position => _position;

    /// <summary>True once every record was read.</summary>
    public readonly bool End => _position == _events.Length;

    /// <summary>Bytes of the bodies read or skipped so far: the next event's offset less the segment's first offset.</summary>
    public readonly long BodyBytes => _bodyBytes;

    /// <summary>Reads the next record; throws <see cref="InvalidDataException"/> when there is none or it is cut short.</summary>
    public StreamSegmentRecord Read()
    {
        var record = new StreamSegmentRecord(ReadField(), ReadField(), ReadField(), ReadField());
        _bodyBytes += record.Body.Length;
        return record;
    }

    /// <summary>Moves past the next record; throws <see cref="InvalidDataException"/> when there is none or it is cut short.</summary>
    public void Skip() => Read();

    private ReadOnlySpan<byte> ReadField()
    {
        if (!StreamSegmentFormat.TryReadLength(_events, ref _position, out var length) || length > _events.Length - _position)
        {
            throw new InvalidDataException(
                $"A stream segment of {_events.Length} bytes is cut short or corrupt at byte {_position}.");
        }

        var field = _events.Slice(_position, length);
        _position += length;
        return field;
    }
}
