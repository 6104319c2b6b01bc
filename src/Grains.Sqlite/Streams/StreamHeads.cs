namespace Grains.Sqlite;

/// <summary>
/// The heads (next sequence number and offset) of the partitions one append touches, read from the database on first
/// touch and written back once at the end. Belongs to one log and is used only on the writer thread, one operation at
/// a time; <see cref="Begin"/> forgets the previous operation's heads, so nothing carries over a rolled-back batch.
/// </summary>
internal sealed class StreamHeads(int partitionCount)
{
    private readonly long[] _nextSequenceNumber = new long[partitionCount];
    private readonly long[] _nextOffset = new long[partitionCount];
    private readonly int[] _loadedIn = new int[partitionCount];
    private readonly List<int> _touched = [];
    private int _operation;

    public void Begin()
    {
        _touched.Clear();

        // A new stamp marks every partition as not loaded without clearing the arrays.
        if (++_operation == int.MaxValue)
        {
            Array.Clear(_loadedIn);
            _operation = 1;
        }
    }

    /// <summary>Takes the next position of <paramref name="partition"/> for a body of <paramref name="bodyLength"/> bytes.</summary>
    public (long SequenceNumber, long Offset) Take(SqliteCommandCache commands, int partition, int bodyLength)
    {
        if (_loadedIn[partition] != _operation)
        {
            Load(commands, partition);
        }

        var position = (_nextSequenceNumber[partition], _nextOffset[partition]);
        _nextSequenceNumber[partition]++;
        _nextOffset[partition] += bodyLength;
        return position;
    }

    /// <summary>Writes the touched heads back; returns the touched partitions in ascending order.</summary>
    public int[] Save(SqliteCommandCache commands, long enqueuedAt)
    {
        if (_touched.Count == 0)
        {
            return [];
        }

        var update = commands.Get(StreamLogSql.UpdateHead).Bind("$lastEnqueuedAt", enqueuedAt);
        _touched.Sort();
        foreach (var partition in _touched)
        {
            update.Bind("$partition", partition)
                .Bind("$nextSequenceNumber", _nextSequenceNumber[partition])
                .Bind("$nextOffset", _nextOffset[partition])
                .ExecuteNonQuery();
        }

        return [.. _touched];
    }

    private void Load(SqliteCommandCache commands, int partition)
    {
        var read = commands.Get(StreamLogSql.ReadHead).Bind("$partition", partition);
        using (var reader = read.ExecuteReader())
        {
            if (!reader.Read())
            {
                // Opening the log creates every head, so a missing one means the file was changed by hand.
                throw new InvalidOperationException($"The stream log head of partition {partition} is missing from the database.");
            }

            _nextSequenceNumber[partition] = reader.GetInt64(0);
            _nextOffset[partition] = reader.GetInt64(1);
        }

        _loadedIn[partition] = _operation;
        _touched.Add(partition);
    }
}
