using System.Diagnostics.Metrics;
using Grains.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grains.Sqlite;

/// <summary>
/// A stream log in a SQLite database. Each append is one operation of the database's group-commit writer, so many
/// concurrent appends share one COMMIT, and an append is acknowledged only once its batch committed. Reads use pooled
/// WAL readers on the calling thread.
/// <list type="bullet">
/// <item>Events are stored as segments: one row per append and partition, holding that partition's events of the
/// append packed (<see cref="StreamSegmentFormat"/>), so the writer inserts a row per partition touched rather than per
/// event. Each event keeps its own sequence number and offset, and a read may start at any of them.</item>
/// <item>De-duplication is answered from an index in memory (<see cref="StreamStorageOptions"/>): the 64-bit hash of
/// the id of each of the last <see cref="StreamStorageOptions.DeduplicationCapacity"/> events appended within the
/// window, with the event's position. A hit is verified by reading that event's id back in the writer's transaction,
/// so a collision never drops a genuine event, and an append writes nothing but its segments and heads. The index is
/// rebuilt from the log when the log opens (newest segments first, through their index), after a write batch holding
/// one of its operations rolled back, and takes in events other connections appended before the next append.</item>
/// <item><see cref="TrimAsync"/> deletes the segments all of whose events it removes, rewrites the one it cuts through to
/// keep its later events, and takes the ids of the events it removes out of the index.</item>
/// <item>Each partition's head row keeps its next sequence number and offset, so neither is reused after a trim.</item>
/// <item>The file records the partition count of the first log that opened it; a log with another count is refused.</item>
/// <item><see cref="Appended"/> is raised after the commit on the appending caller's continuation (never on the writer
/// thread) before the append's task completes; a handler that throws is logged and does not fail the append.</item>
/// </list>
/// </summary>
public sealed partial class SqliteStreamLog : IStreamLog
{
    private static readonly StreamAppendResult NothingAppended = new([], 0);

    private readonly SqliteDatabase _database;
    private readonly StreamHeads _heads;
    private readonly StreamDeduplication _deduplication;

    // Repacks segments for this log's appends and trims; only the writer thread uses it, one operation at a time.
    private readonly StreamSegmentBuilder _segmentBuilder = new();
    private readonly SqliteStreamMetrics _metrics;
    private readonly ILogger _logger;

    /// <summary>
    /// A log of <paramref name="partitionCount"/> partitions over <paramref name="database"/> that recognises repeats
    /// within <paramref name="deduplicationWindow"/> and the default <see cref="StreamStorageOptions.DeduplicationCapacity"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database holds a log with another partition count.</exception>
    public SqliteStreamLog(
        SqliteDatabase database,
        int partitionCount,
        TimeSpan deduplicationWindow,
        ILogger<SqliteStreamLog>? logger = null,
        IMeterFactory? meterFactory = null)
        : this(database, partitionCount, WindowOnly(deduplicationWindow), EventIdHash.Compute, logger, meterFactory)
    {
    }

    /// <summary>
    /// A log of <paramref name="partitionCount"/> partitions over <paramref name="database"/>, which the caller keeps
    /// open while the log is in use, with the de-duplication window and capacity of <paramref name="options"/> (read
    /// once here). Times come from the database's <see cref="TimeProvider"/>. Opening builds the de-duplication index
    /// from the events of the window already in the file, on the writer thread.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database holds a log with another partition count.</exception>
    public SqliteStreamLog(
        SqliteDatabase database,
        int partitionCount,
        StreamStorageOptions options,
        ILogger<SqliteStreamLog>? logger = null,
        IMeterFactory? meterFactory = null)
        : this(database, partitionCount, options, EventIdHash.Compute, logger, meterFactory)
    {
    }

    /// <summary>A log that hashes event ids with <paramref name="hash"/>; tests pass a colliding one.</summary>
    internal SqliteStreamLog(
        SqliteDatabase database,
        int partitionCount,
        StreamStorageOptions options,
        EventIdHashFunction hash,
        ILogger<SqliteStreamLog>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        StreamStorageOptionsValidator.ThrowIfInvalid(options, nameof(options));
        ArgumentNullException.ThrowIfNull(hash);
        _database = database;
        PartitionCount = partitionCount;
        _heads = new StreamHeads(partitionCount);
        _metrics = new SqliteStreamMetrics(meterFactory, database.DataSource);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _deduplication = new StreamDeduplication(
            database, partitionCount, options.DeduplicationWindow, options.DeduplicationCapacity, hash, _metrics, _logger);

        // Opening is synchronous like the database itself; the writer runs on its own thread, so this wait cannot deadlock.
        var recorded = database.Writes.EnqueueAsync(new StreamLogOpenOperation(partitionCount, _deduplication, database.TimeProvider))
            .GetAwaiter().GetResult();
        if (recorded != partitionCount)
        {
            throw new InvalidOperationException(
                $"The stream log in SQLite database {database.DataSource} was created with {recorded} partitions; this log asks for "
                + $"{partitionCount}. A log's partition count never changes, because events were placed by hashing keys over it: "
                + $"set Grains:Partitions back to {recorded}, or use a new database file.");
        }
    }

    public event Action<IReadOnlyCollection<int>>? Appended;

    public int PartitionCount { get; }

    /// <summary>The database this log writes to; providers on the same file share it.</summary>
    internal SqliteDatabase Database => _database;

    /// <summary>Event ids the de-duplication index holds; a testing and diagnostics aid, read after awaiting a write.</summary>
    internal int IndexedEventIds => _deduplication.Count;

    public async Task<StreamAppendResult> AppendAsync(IReadOnlyList<StreamEventData> events, CancellationToken cancellationToken = default)
    {
        StreamEventBatch.ThrowIfInvalid(events, nameof(events));
        if (events.Count == 0)
        {
            return NothingAppended;
        }

        // Packing here keeps encoding, copying and hashing off the writer thread, which every append shares.
        using var batch = StreamAppendBatch.Pack(events, PartitionCount, _deduplication.Hash);
        var operation = new StreamAppendOperation(batch, _heads, _deduplication, _segmentBuilder, _database.TimeProvider);
        var outcome = await _database.Writes.EnqueueAsync(operation, cancellationToken).ConfigureAwait(false);
        _metrics.Appended(outcome.Appended.Count, outcome.Duplicates);
        if (outcome.Partitions.Length > 0)
        {
            RaiseAppended(outcome.Partitions);
        }

        return new StreamAppendResult(outcome.Appended, outcome.Duplicates);
    }

    public Task<IReadOnlyList<StreamEvent>> ReadAsync(int partition, long fromSequenceNumber, int maxCount, CancellationToken cancellationToken = default)
    {
        StreamEventBatch.ThrowIfPartitionOutOfRange(partition, PartitionCount, nameof(partition));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return SqliteReads.Run<IReadOnlyList<StreamEvent>>(cancellationToken, () =>
        {
            using var lease = _database.Reads.Rent();
            var read = lease.Commands.Statement(StreamLogSql.ReadFrom)
                .Bind("$partition", partition)
                .Bind("$fromSequenceNumber", fromSequenceNumber);
            var events = new StreamEventReader(partition, fromSequenceNumber, maxCount);
            try
            {
                while (!events.IsFull && read.Read())
                {
                    events.Add(StreamSegmentRow.Current(read));
                }
            }
            finally
            {
                read.Reset();
            }

            return events.Events;
        });
    }

    public Task<StreamPartitionInfo> GetPartitionInfoAsync(int partition, CancellationToken cancellationToken = default)
    {
        StreamEventBatch.ThrowIfPartitionOutOfRange(partition, PartitionCount, nameof(partition));
        return SqliteReads.Run(cancellationToken, () =>
        {
            using var lease = _database.Reads.Rent();
            using var reader = lease.Commands.Get(StreamLogSql.ReadInfo).Bind("$partition", partition).ExecuteReader();
            if (!reader.Read())
            {
                throw new InvalidOperationException($"The stream log head of partition {partition} is missing from the database.");
            }

            var next = reader.GetInt64(0);
            DateTimeOffset? lastEnqueued = reader.IsDBNull(1) ? null : new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero);
            var first = reader.IsDBNull(2) ? next : reader.GetInt64(2);
            return new StreamPartitionInfo(partition, first, next - 1, lastEnqueued);
        });
    }

    /// <summary>Removes the partition's matching events, and takes the ids of those still within the window out of the index.</summary>
    public async Task<int> TrimAsync(int partition, long throughSequenceNumber, DateTimeOffset enqueuedBefore, CancellationToken cancellationToken = default)
    {
        StreamEventBatch.ThrowIfPartitionOutOfRange(partition, PartitionCount, nameof(partition));
        var removed = await _database.Writes.EnqueueAsync(
            new StreamTrimOperation(partition, throughSequenceNumber, enqueuedBefore.UtcTicks, _deduplication, _segmentBuilder, _database.TimeProvider),
            cancellationToken).ConfigureAwait(false);
        _metrics.Trimmed(removed);
        return removed;
    }

    private static StreamStorageOptions WindowOnly(TimeSpan deduplicationWindow)
    {
        StreamStorageOptionsValidator.ThrowIfInvalid(deduplicationWindow, nameof(deduplicationWindow));
        return new StreamStorageOptions { DeduplicationWindow = deduplicationWindow };
    }

    private void RaiseAppended(int[] partitions)
    {
        if (Appended is not { } handlers)
        {
            return;
        }

        // Each handler on its own: one that throws must neither fail the append, which is committed, nor keep the
        // others from waking.
        foreach (var handler in Delegate.EnumerateInvocationList(handlers))
        {
            try
            {
                handler(partitions);
            }
            catch (Exception exception)
            {
                LogAppendedHandlerFailed(_logger, exception, string.Join(", ", partitions), _database.DataSource);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A handler of Appended failed for partitions {Partitions} of {DataSource}; the append itself committed")]
    private static partial void LogAppendedHandlerFailed(ILogger logger, Exception exception, string partitions, string dataSource);
}
