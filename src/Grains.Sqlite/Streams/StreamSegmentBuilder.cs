namespace Grains.Sqlite;

/// <summary>
/// Packs records into one segment (<see cref="StreamSegmentFormat"/>) in a buffer it reuses, for segments that are
/// not a slice of an append's own packing: an append that dropped duplicates or spans more than
/// <see cref="StreamSegmentFormat.MaxRecordBytes"/>, the rest of a segment a trim cut, and rows moved from the
/// previous schema. Used by one thread at a time.
/// </summary>
internal sealed class StreamSegmentBuilder
{
    private const int InitialLength = 4096;

    // A buffer grown for one huge record is let go at the next start beyond this, so it is not kept for good.
    private const int RetainedLength = 4 * StreamSegmentFormat.MaxRecordBytes;

    private byte[] _buffer = new byte[InitialLength];
    private int _length;

    public long FirstSequenceNumber { get; private set; }

    public long FirstOffset { get; private set; }

    /// <summary>Records added since <see cref="Start"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The packed segment: the format byte and the records added since <see cref="Start"/>.</summary>
    public ReadOnlySpan<byte> Events => _buffer.AsSpan(0, _length);

    /// <summary>Starts an empty segment whose first event will be at this sequence number and offset.</summary>
    public void Start(long firstSequenceNumber, long firstOffset)
    {
        if (_buffer.Length > RetainedLength)
        {
            _buffer = new byte[InitialLength];
        }

        _buffer[0] = StreamSegmentFormat.Version;
        _length = 1;
        Count = 0;
        FirstSequenceNumber = firstSequenceNumber;
        FirstOffset = firstOffset;
    }

    /// <summary>True when a record of <paramref name="recordLength"/> bytes belongs in a segment of its own after this one.</summary>
    public bool IsFullFor(int recordLength) =>
        Count > 0 && (_length - 1) + (long)recordLength > StreamSegmentFormat.MaxRecordBytes;

    /// <summary>Adds a record already packed (all four fields).</summary>
    public void AddRecord(ReadOnlySpan<byte> record)
    {
        record.CopyTo(Reserve(record.Length));
        _length += record.Length;
        Count++;
    }

    /// <summary>Adds <paramref name="count"/> records already packed back to back.</summary>
    public void AddRecords(ReadOnlySpan<byte> records, int count)
    {
        records.CopyTo(Reserve(records.Length));
        _length += records.Length;
        Count += count;
    }

    /// <summary>Packs and adds a record from its fields, all UTF-8 but the body.</summary>
    public void Add(ReadOnlySpan<byte> utf8Namespace, ReadOnlySpan<byte> utf8Key, ReadOnlySpan<byte> utf8EventId, ReadOnlySpan<byte> body)
    {
        var size = StreamSegmentFormat.SizeOfRecord(utf8Namespace.Length, utf8Key.Length, utf8EventId.Length, body.Length);
        var destination = Reserve(size);
        var written = StreamSegmentFormat.WriteField(destination, utf8Namespace);
        written += StreamSegmentFormat.WriteField(destination[written..], utf8Key);
        written += StreamSegmentFormat.WriteField(destination[written..], utf8EventId);
        written += StreamSegmentFormat.WriteField(destination[written..], body);
        _length += written;
        Count++;
    }

    private Span<byte> Reserve(long size)
    {
        var needed = _length + size;
        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException($"A stream segment of {needed} bytes does not fit in one array.");
        }

        if (needed > _buffer.Length)
        {
            var grown = new byte[(int)Math.Min(Math.Max(needed, 2L * _buffer.Length), Array.MaxLength)];
            _buffer.AsSpan(0, _length).CopyTo(grown);
            _buffer = grown;
        }

        return _buffer.AsSpan(_length, (int)size);
    }
}
