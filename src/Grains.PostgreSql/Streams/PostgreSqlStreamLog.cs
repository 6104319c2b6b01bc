using Grains.Runtime.Placement;
using Grains.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// A stream log in a PostgreSQL schema, shared by every process that opens it. Appends queue for one append
/// transaction at a time per log (group commit); each completes after COMMIT. Reads run on pooled connections.
/// <list type="bullet">
/// <item>Every append transaction locks the schema's log row, so appends of all processes take turns: sequence
/// numbers, offsets and the log-wide ordinals that count the de-duplication capacity are allocated without gaps and
/// commit in order, so a reader never sees a later event of a partition before an earlier one.</item>
/// <item>De-duplication is exact and shared by all processes: a row per id names the latest stored event with it
/// (<see cref="StreamStorageOptions"/> window and capacity apply to that event); trimming an event removes its row.</item>
/// <item><see cref="TrimAsync"/> never removes an event past the lowest checkpoint any consumer group recorded for
/// the partition in the same schema.</item>
/// <item>The schema records the partition count of the first log that opened it; a log with another count is refused.</item>
/// <item><see cref="Appended"/> is raised after the commit on the appending caller's continuation, before the
/// append's task completes; a handler that throws is logged and does not fail the append. Appends of other processes
/// are not announced: pulling agents find them by polling.</item>
/// </list>
/// </summary>
public sealed class PostgreSqlStreamLog : IStreamLog, IAsyncDisposable
{
    private static readonly StreamAppendResult NothingAppended = new([], 0);

    private readonly PostgreSqlDatabase _database;
    private readonly StreamAppendQueue _appends;
    private readonly ILogger _logger;

    /// <summary>
    /// A log of <paramref name="partitionCount"/> partitions over <paramref name="database"/>, which the caller keeps
    /// open while the log is in use, with the de-duplication window and capacity of <paramref name="options"/> (read
    /// once here). Times come from the database's <see cref="TimeProvider"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The schema holds a log with another partition count.</exception>
    public PostgreSqlStreamLog(PostgreSqlDatabase database, int partitionCount, StreamStorageOptions options, ILogger<PostgreSqlStreamLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        StreamStorageOptionsValidator.ThrowIfInvalid(options, nameof(options));
        _database = database;
        PartitionCount = partitionCount;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var recorded = CreateOrOpen(database, partitionCount);
        if (recorded != partitionCount)
        {
            throw new InvalidOperationException(
                $"The stream log in PostgreSQL schema {database.Name} was created with {recorded} partitions; this log asks for "
                + $"{partitionCount}. A log's partition count never changes, because events were placed by hashing keys over it: "
                + $"set Grains:Partitions back to {recorded}, or use a new schema.");
        }

        _appends = new StreamAppendQueue(database, options.DeduplicationWindow, options.DeduplicationCapacity, _logger);
    }

    public event Action<IReadOnlyCollection<int>>? Appended;

    public int PartitionCount { get; }

    /// <summary>The database this log writes to; providers on the same schema share it.</summary>
    internal PostgreSqlDatabase Database => _database;

    public async Task<StreamAppendResult> AppendAsync(IReadOnlyList<StreamEventData> events, CancellationToken cancellationToken = default)
    {
        StreamEventBatch.ThrowIfInvalid(events, nameof(events));
        if (events.Count == 0)
        {
            return NothingAppended;
        }

        var partitions = new int[events.Count];
        for (var i = 0; i < partitions.Length; i++)
        {
            partitions[i] = PartitionHash.GetPartition(events[i].Key, PartitionCount);
        }

        var outcome = await _appends.EnqueueAsync(new PendingAppend(events, partitions), cancellationToken).ConfigureAwait(false);
        RecordAppended(outcome);
        if (outcome.Partitions.Length > 0)
        {
            RaiseAppended(outcome.Partitions);
        }

        return new StreamAppendResult(outcome.Appended, outcome.Duplicates);
    }

    public async Task<IReadOnlyList<StreamEvent>> ReadAsync(int partition, long fromSequenceNumber, int maxCount, CancellationToken cancellationToken = default)
    {
        StreamEventBatch.ThrowIfPartitionOutOfRange(partition, PartitionCount, nameof(partition));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        await using var command = _database.DataSource.CreateCommand(StreamLogSql.Read);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partition });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromSequenceNumber });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        var events = new List<StreamEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new StreamEvent(
                partition,
                reader.GetInt64(0),
                reader.GetInt64(1),
                new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetFieldValue<byte[]>(6)));
        }

        return events;
    }

    public async Task<StreamPartitionInfo> GetPartitionInfoAsync(int partition, CancellationToken cancellationToken = default)
    {
        StreamEventBatch.ThrowIfPartitionOutOfRange(partition, PartitionCount, nameof(partition));
        await using var command = _database.DataSource.CreateCommand(StreamLogSql.ReadInfo);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partition });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"The stream log head of partition {partition} is missing from {_database.Name}.");
        }

        var next = reader.GetInt64(0);
        DateTimeOffset? lastEnqueued = reader.IsDBNull(1) ? null : new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero);
        var first = reader.IsDBNull(2) ? next : reader.GetInt64(2);
        return new StreamPartitionInfo(partition, first, next - 1, lastEnqueued);
    }

    /// <summary>Removes the partition's matching events, never past the lowest checkpoint of the partition, and their id rows.</summary>
    public async Task<int> TrimAsync(int partition, long throughSequenceNumber, DateTimeOffset enqueuedBefore, CancellationToken cancellationToken = default)
    {
        StreamEventBatch.ThrowIfPartitionOutOfRange(partition, PartitionCount, nameof(partition));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = _database.DataSource.CreateCommand(StreamLogSql.Trim);
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partition });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = throughSequenceNumber });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = enqueuedBefore.UtcTicks });
                var removed = (int)(long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                if (removed > 0)
                {
                    _database.Metrics.EventsTrimmed.Add(removed, _database.Tag);
                }

                return removed;
            }
            catch (PostgresException exception) when (TransientAbort.IsRetryable(exception) && attempt < TransientAbort.MaxAttempts)
            {
                // A trim and an append that re-stores one of its ids can lock the same id rows in opposite orders.
                _database.Metrics.Retries.Add(1, _database.Tag);
                PostgreSqlLog.TransactionRetried(_logger, _database.Name, exception.SqlState, attempt + 1);
            }
        }
    }

    /// <summary>Commits the appends already queued; later appends fail with <see cref="ObjectDisposedException"/>.</summary>
    public ValueTask DisposeAsync() => _appends.DisposeAsync();

    private static int CreateOrOpen(PostgreSqlDatabase database, int partitionCount)
    {
        // Idempotent, so processes opening the log at once need no lock: the first log row wins, and heads are
        // created only for the partition count it recorded.
        using var connection = database.DataSource.OpenConnection();
        using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(new(StreamLogSql.CreateLog) { Parameters = { new NpgsqlParameter<int> { TypedValue = partitionCount } } });
            batch.BatchCommands.Add(new(StreamLogSql.CreateHeads) { Parameters = { new NpgsqlParameter<int> { TypedValue = partitionCount } } });
            batch.ExecuteNonQuery();
        }

        using var read = new NpgsqlCommand(StreamLogSql.ReadPartitionCount, connection);
        return (int)read.ExecuteScalar()!;
    }

    private void RecordAppended(StreamAppendOutcome outcome)
    {
        if (outcome.Appended.Count > 0)
        {
            _database.Metrics.EventsAppended.Add(outcome.Appended.Count, _database.Tag);
        }

        if (outcome.Duplicates > 0)
        {
            _database.Metrics.EventsDuplicate.Add(outcome.Duplicates, _database.Tag);
        }
    }

    private void RaiseAppended(int[] partitions) =>
        AppendedHandlers.Raise(Appended, partitions, (exception, text) => PostgreSqlLog.AppendedHandlerFailed(_logger, exception, text, _database.Name));
}
