namespace Grains.Sqlite;

/// <summary>
/// Walks one partition's events newest first, a chunk per query through the primary key, for the index rebuild's
/// merge of all partitions by enqueue time. Ends at the first event enqueued at or before the cutoff: within a
/// partition, enqueue times follow sequence numbers, since the writer takes the time for each append.
/// </summary>
internal sealed class PartitionTailCursor(int partition, long nextSequenceNumber, int chunkSize)
{
    private readonly EventIdEntry[] _chunk = new EventIdEntry[chunkSize];
    private int _position = -1;
    private int _length;
    private long _beforeSequenceNumber = nextSequenceNumber;
    private bool _ended;

    /// <summary>The event the cursor is on; valid after <see cref="MoveNext"/> returned true.</summary>
    public ref readonly EventIdEntry Current => ref _chunk[_position];

    /// <summary>Moves to the next older event; false once there is none within the window.</summary>
    public bool MoveNext(SqliteStatement readTail, EventIdHashFunction hash, long expiredAtOrBefore)
    {
        if (++_position < _length)
        {
            return true;
        }

        if (_ended)
        {
            return false;
        }

        Fill(readTail, hash, expiredAtOrBefore);
        return _length > 0;
    }

    private void Fill(SqliteStatement readTail, EventIdHashFunction hash, long expiredAtOrBefore)
    {
        _position = 0;
        _length = 0;
        readTail.Bind(readTail.IndexOf("$partition"), partition);
        readTail.Bind(readTail.IndexOf("$beforeSequenceNumber"), _beforeSequenceNumber);
        readTail.Bind(readTail.IndexOf("$limit"), _chunk.Length);
        try
        {
            while (readTail.Read())
            {
                var enqueuedAt = readTail.GetInt64(1);
                if (enqueuedAt <= expiredAtOrBefore)
                {
                    _ended = true;
                    return;
                }

                var sequenceNumber = readTail.GetInt64(0);
                _chunk[_length++] = new EventIdEntry(hash(readTail.GetBytes(2)), partition, sequenceNumber, enqueuedAt);
                _beforeSequenceNumber = sequenceNumber;
            }

            _ended = _length < _chunk.Length;
        }
        finally
        {
            readTail.Reset();
        }
    }
}
