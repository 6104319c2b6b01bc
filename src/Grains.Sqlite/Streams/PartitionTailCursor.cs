namespace Grains.Sqlite;

/// <summary>
/// Walks one partition's events newest first for the index rebuild's merge of all partitions by enqueue time, a
/// chunk of whole segments per query, reset between chunks so no read stays open across the merge. Ends at the first
/// segment enqueued at or before the cutoff: within a partition, enqueue times follow sequence numbers, since the
/// writer takes the time for each append, and every event of a segment shares its segment's time.
/// </summary>
internal sealed class PartitionTailCursor(int partition, long nextSequenceNumber, int chunkSize)
{
    private EventIdEntry[] _chunk = new EventIdEntry[chunkSize];
    private int _position = -1;
    private int _length;
    private long _beforeSequenceNumber = nextSequenceNumber;
    private bool _ended;

    /// <summary>The event the cursor is on; valid after <see cref="MoveNext"/> returned true.</summary>
    public ref readonly EventIdEntry Current => ref _chunk[_position];

    /// <summary>Moves to the next older event; false once there is none within the window.</summary>
    public bool MoveNext(SqliteStatement readSegmentsBefore, EventIdHashFunction hash, long expiredAtOrBefore)
    {
        if (++_position < _length)
        {
            return true;
        }

        if (_ended)
        {
            return false;
        }

        Fill(readSegmentsBefore, hash, expiredAtOrBefore);
        return _length > 0;
    }

    private void Fill(SqliteStatement readSegmentsBefore, EventIdHashFunction hash, long expiredAtOrBefore)
    {
        _position = 0;
        _length = 0;
        readSegmentsBefore.Bind("$partition", partition).Bind("$beforeSequenceNumber", _beforeSequenceNumber);
        try
        {
            // Whole segments, so a chunk may pass its size by the last one's events.
            while (_length < chunkSize)
            {
                if (!readSegmentsBefore.Read())
                {
                    _ended = true;
                    return;
                }

                var segment = StreamSegmentRow.Current(readSegmentsBefore);
                if (segment.EnqueuedAt <= expiredAtOrBefore)
                {
                    _ended = true;
                    return;
                }

                AddNewestFirst(segment, hash);
                _beforeSequenceNumber = segment.FirstSequenceNumber;
            }
        }
        finally
        {
            readSegmentsBefore.Reset();
        }
    }

    private void AddNewestFirst(StreamSegmentRow segment, EventIdHashFunction hash)
    {
        if (_length + segment.Count > _chunk.Length)
        {
            Array.Resize(ref _chunk, _length + segment.Count);
        }

        var reader = segment.ReaderFrom(segment.FirstSequenceNumber);
        var newest = _length + segment.Count - 1;
        for (var k = 0; k < segment.Count; k++)
        {
            _chunk[newest - k] = new EventIdEntry(hash(reader.Read().Utf8EventId), partition, segment.FirstSequenceNumber + k, segment.EnqueuedAt);
        }

        _length += segment.Count;
    }
}
