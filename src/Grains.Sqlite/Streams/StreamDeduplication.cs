using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Grains.Sqlite;

/// <summary>
/// The de-duplication state of one SQLite stream log: an <see cref="EventIdIndex"/> of its recent events, kept in step
/// with the database. Used only on the writer thread inside write operations, so every lookup sees exactly the
/// transaction it runs in, earlier appends of the same batch included.
/// <list type="bullet">
/// <item>An index hit is only a candidate: the event at the entry's position is read back and its id compared byte for
/// byte, so a hash collision, a trimmed event or an entry left by a rolled-back batch never drops a genuine event.</item>
/// <item>The index is rebuilt from <c>stream_segments</c> when the log opens and after a batch holding one of its
/// operations rolled back: the newest events of every partition within the window, merged by enqueue time, up to the
/// capacity.</item>
/// <item>Events appended by other connections to the file (<c>PRAGMA data_version</c> moved) or by another log on the
/// same database are indexed from the heads before the next append, so they are recognised too.</item>
/// </list>
/// </summary>
internal sealed partial class StreamDeduplication
{
    /// <summary>Entries the rebuild's per-partition cursors buffer in all; each reads at least 16 and at most 4096 at a time.</summary>
    private const int RebuildChunkBudget = 65_536;

    private const int InitialLoadLength = 1024;

    private static readonly Comparer<long> NewestFirst = Comparer<long>.Create(static (x, y) => y.CompareTo(x));

    private readonly SqliteDatabase _database;
    private readonly EventIdIndex _index;
    private readonly long _windowTicks;
    private readonly EventIdHashFunction _hash;
    private readonly SqliteStreamMetrics _metrics;
    private readonly ILogger _logger;

    // Per partition, the next sequence number the index has seen: events before it are indexed or out of the window.
    private readonly long[] _indexedHeads;
    private readonly long[] _databaseHeads;
    private long _dataVersion;
    private bool _stale = true;
    private int _reportedCount;

    public StreamDeduplication(
        SqliteDatabase database,
        int partitionCount,
        TimeSpan window,
        int capacity,
        EventIdHashFunction hash,
        SqliteStreamMetrics metrics,
        ILogger logger)
    {
        _database = database;
        _index = new EventIdIndex(capacity);
        _windowTicks = window.Ticks;
        _hash = hash;
        _metrics = metrics;
        _logger = logger;
        _indexedHeads = new long[partitionCount];
        _databaseHeads = new long[partitionCount];
    }

    public EventIdHashFunction Hash => _hash;

    /// <summary>Ids the index can find; read off the writer thread it may lag, so it is a testing and diagnostics aid.</summary>
    public int Count => _index.Count;

    /// <summary>The enqueue time at or before which an id is out of the window, for an append at <paramref name="now"/> (UTC ticks).</summary>
    public long ExpiredAtOrBefore(long now) => now - _windowTicks;

    /// <summary>Brings the index in step with the database before an append at <paramref name="now"/> (UTC ticks).</summary>
    public void Begin(SqliteCommandCache commands, long now)
    {
        if (_stale)
        {
            Rebuild(commands, now);
            return;
        }

        var dataVersion = ReadDataVersion(commands);
        if (dataVersion != _dataVersion || (_database.LastStreamAppender is { } other && !ReferenceEquals(other, this)))
        {
            _dataVersion = dataVersion;
            CatchUp(commands, now);
        }

        _index.ExpireThrough(ExpiredAtOrBefore(now));
    }

    /// <summary>
    /// True when an event with <paramref name="utf8EventId"/> (hashed to <paramref name="hash"/>) is in the log,
    /// enqueued after <paramref name="expiredAtOrBefore"/>, and still in the index. Events the current append kept
    /// are looked up in <paramref name="pending"/>, since their segments are written only at its end.
    /// </summary>
    public bool IsDuplicate(
        SqliteCommandCache commands,
        StreamAppendSegments pending,
        ulong hash,
        ReadOnlySpan<byte> utf8EventId,
        long expiredAtOrBefore)
    {
        var cursor = -1;
        for (var entry = _index.FindNext(hash, ref cursor); entry >= 0; entry = _index.FindNext(hash, ref cursor))
        {
            var candidate = _index[entry];
            if (candidate.EnqueuedAt <= expiredAtOrBefore)
            {
                continue;
            }

            var found = pending.TryGetEventId(candidate.Partition, candidate.SequenceNumber, out var pendingId)
                ? pendingId.SequenceEqual(utf8EventId)
                : IsStored(commands.Statement(StreamLogSql.ReadSegmentAt), candidate, utf8EventId, expiredAtOrBefore);
            if (found)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Indexes an event the current operation stored.</summary>
    public void Record(ulong hash, int partition, long sequenceNumber, long enqueuedAt)
    {
        _index.Add(hash, partition, sequenceNumber, enqueuedAt);
        _indexedHeads[partition] = sequenceNumber + 1;
    }

    /// <summary>Ends an append: marks this log as the last to append through the writer and reports the index size.</summary>
    public void End()
    {
        _database.LastStreamAppender = this;
        ReportCount();
    }

    /// <summary>
    /// Before a trim removes a partition's events through <paramref name="throughSequenceNumber"/> enqueued before
    /// <paramref name="enqueuedBefore"/> (UTC ticks), forgets the ids of those still within the window.
    /// </summary>
    public void ForgetTrimmed(SqliteCommandCache commands, int partition, long throughSequenceNumber, long enqueuedBefore, long now)
    {
        if (_stale)
        {
            // The next append rebuilds the index from what the log then holds.
            return;
        }

        var expiredAtOrBefore = ExpiredAtOrBefore(now);
        _index.ExpireThrough(expiredAtOrBefore);

        // Removed events are enqueued before enqueuedBefore; if that is at or before the cutoff, none is in the window.
        if (enqueuedBefore - 1 > expiredAtOrBefore)
        {
            var read = commands.Statement(StreamLogSql.ReadTrimmedSegments)
                .Bind("$partition", partition)
                .Bind("$throughSequenceNumber", throughSequenceNumber)
                .Bind("$enqueuedBefore", enqueuedBefore)
                .Bind("$expiredAtOrBefore", expiredAtOrBefore);
            try
            {
                while (read.Read())
                {
                    ForgetSegment(StreamSegmentRow.Current(read), partition, throughSequenceNumber);
                }
            }
            finally
            {
                read.Reset();
            }
        }

        ReportCount();
    }

    /// <summary>Marks the index as possibly ahead of the database (a batch rolled back); the next append rebuilds it.</summary>
    public void Invalidate() => _stale = true;

    /// <summary>Replaces the index with the newest events of the log within the window, up to the capacity.</summary>
    public void Rebuild(SqliteCommandCache commands, long now)
    {
        var started = _database.TimeProvider.GetTimestamp();
        ReadHeads(commands, _indexedHeads);
        var expiredAtOrBefore = ExpiredAtOrBefore(now);
        var chunk = Math.Clamp(RebuildChunkBudget / _indexedHeads.Length, 16, 4096);
        var readTail = commands.Statement(StreamLogSql.ReadSegmentsBefore);
        var cursors = new PriorityQueue<PartitionTailCursor, long>(_indexedHeads.Length, NewestFirst);
        for (var partition = 0; partition < _indexedHeads.Length; partition++)
        {
            var cursor = new PartitionTailCursor(partition, _indexedHeads[partition], chunk);
            if (cursor.MoveNext(readTail, _hash, expiredAtOrBefore))
            {
                cursors.Enqueue(cursor, cursor.Current.EnqueuedAt);
            }
        }

        var newestFirst = new EventIdEntry[Math.Min(_index.Capacity, InitialLoadLength)];
        var count = 0;
        while (count < _index.Capacity && cursors.TryDequeue(out var cursor, out _))
        {
            if (count == newestFirst.Length)
            {
                Array.Resize(ref newestFirst, (int)Math.Min(2L * newestFirst.Length, _index.Capacity));
            }

            newestFirst[count++] = cursor.Current;
            if (cursor.MoveNext(readTail, _hash, expiredAtOrBefore))
            {
                cursors.Enqueue(cursor, cursor.Current.EnqueuedAt);
            }
        }

        _index.Load(newestFirst, count);
        _dataVersion = ReadDataVersion(commands);
        _database.LastStreamAppender = this;
        _stale = false;
        ReportCount();
        LogIndexRebuilt(_logger, count, _database.TimeProvider.GetElapsedTime(started).TotalMilliseconds, _database.DataSource);
    }

    /// <summary>Reads the event at the candidate's position back and compares its id and enqueue time.</summary>
    private static bool IsStored(SqliteStatement readSegmentAt, EventIdEntry candidate, ReadOnlySpan<byte> utf8EventId, long expiredAtOrBefore)
    {
        readSegmentAt.Bind("$partition", candidate.Partition).Bind("$sequenceNumber", candidate.SequenceNumber);
        try
        {
            if (!readSegmentAt.Read())
            {
                return false;
            }

            var segment = StreamSegmentRow.Current(readSegmentAt);
            return segment.Holds(candidate.SequenceNumber)
                && segment.EnqueuedAt > expiredAtOrBefore
                && segment.ReaderFrom(candidate.SequenceNumber).Read().Utf8EventId.SequenceEqual(utf8EventId);
        }
        finally
        {
            readSegmentAt.Reset();
        }
    }

    private static long ReadDataVersion(SqliteCommandCache commands) =>
        Convert.ToInt64(commands.Get(StreamLogSql.DataVersion).ExecuteScalar(), CultureInfo.InvariantCulture);

    private static void ReadHeads(SqliteCommandCache commands, long[] heads)
    {
        using var reader = commands.Get(StreamLogSql.ReadHeads).ExecuteReader();
        while (reader.Read())
        {
            var partition = reader.GetInt32(0);
            if (partition < heads.Length)
            {
                heads[partition] = reader.GetInt64(1);
            }
        }
    }

    /// <summary>Indexes the events other writers appended since the index last saw each partition's head.</summary>
    private void CatchUp(SqliteCommandCache commands, long now)
    {
        ReadHeads(commands, _databaseHeads);
        long behind = 0;
        for (var partition = 0; partition < _databaseHeads.Length; partition++)
        {
            var gap = _databaseHeads[partition] - _indexedHeads[partition];
            if (gap < 0)
            {
                // A head moved back: the file was changed under the log. Start again from what it holds.
                Rebuild(commands, now);
                return;
            }

            behind += gap;
        }

        if (behind == 0)
        {
            return;
        }

        if (behind >= _index.Capacity)
        {
            Rebuild(commands, now);
            return;
        }

        var expiredAtOrBefore = ExpiredAtOrBefore(now);
        var indexed = 0;
        var read = commands.Statement(StreamLogSql.ReadFrom);
        for (var partition = 0; partition < _databaseHeads.Length; partition++)
        {
            if (_databaseHeads[partition] == _indexedHeads[partition])
            {
                continue;
            }

            read.Bind("$partition", partition).Bind("$fromSequenceNumber", _indexedHeads[partition]);
            try
            {
                while (read.Read())
                {
                    indexed += IndexSegment(StreamSegmentRow.Current(read), partition, _indexedHeads[partition], expiredAtOrBefore);
                }
            }
            finally
            {
                read.Reset();
            }

            _indexedHeads[partition] = _databaseHeads[partition];
        }

        LogForeignEventsIndexed(_logger, indexed, _database.DataSource);
    }

    /// <summary>Indexes a segment's events from <paramref name="fromSequenceNumber"/> on if it is within the window; returns how many.</summary>
    private int IndexSegment(StreamSegmentRow segment, int partition, long fromSequenceNumber, long expiredAtOrBefore)
    {
        if (segment.EnqueuedAt <= expiredAtOrBefore)
        {
            return 0;
        }

        var sequenceNumber = Math.Max(fromSequenceNumber, segment.FirstSequenceNumber);
        var reader = segment.ReaderFrom(sequenceNumber);
        var indexed = 0;
        for (; sequenceNumber < segment.EndSequenceNumber; sequenceNumber++, indexed++)
        {
            _index.Add(_hash(reader.Read().Utf8EventId), partition, sequenceNumber, segment.EnqueuedAt);
        }

        return indexed;
    }

    /// <summary>Makes the ids of a segment's events through <paramref name="throughSequenceNumber"/> unfindable.</summary>
    private void ForgetSegment(StreamSegmentRow segment, int partition, long throughSequenceNumber)
    {
        var reader = segment.ReaderFrom(segment.FirstSequenceNumber);
        var last = Math.Min(throughSequenceNumber, segment.EndSequenceNumber - 1);
        for (var sequenceNumber = segment.FirstSequenceNumber; sequenceNumber <= last; sequenceNumber++)
        {
            _index.Forget(_hash(reader.Read().Utf8EventId), partition, sequenceNumber);
        }
    }

    private void ReportCount()
    {
        var count = _index.Count;
        if (count != _reportedCount)
        {
            _metrics.Indexed(count - _reportedCount);
            _reportedCount = count;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the event id index of the stream log in {DataSource} from the log: {Count} ids in {ElapsedMilliseconds:F0} ms")]
    private static partial void LogIndexRebuilt(ILogger logger, int count, double elapsedMilliseconds, string dataSource);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Indexed {Count} event ids that another writer appended to the stream log in {DataSource}")]
    private static partial void LogForeignEventsIndexed(ILogger logger, int count, string dataSource);
}
