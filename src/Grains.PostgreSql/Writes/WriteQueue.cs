using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// Group commit for small writes: <see cref="PostgreSqlStorageOptions.WriteConcurrency"/> writer loops each take
/// everything queued (up to the batch size), sort it into lock order, run it as one batch of statements in one
/// transaction (one round trip, one COMMIT) and complete each operation after the commit. One WAL flush then covers
/// many writes, and no write is acknowledged before it is durable.
/// </summary>
internal sealed class WriteQueue : IAsyncDisposable
{
    private readonly Channel<WriteOperation> _channel = Channel.CreateUnbounded<WriteOperation>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly NpgsqlDataSource _dataSource;
    private readonly int _maxBatchSize;
    private readonly string _database;
    private readonly PostgreSqlMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly KeyValuePair<string, object?> _tag;
    private readonly Task _writers;
    private long _commitCount;

    public WriteQueue(
        NpgsqlDataSource dataSource,
        string database,
        int maxBatchSize,
        int concurrency,
        PostgreSqlMetrics metrics,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _dataSource = dataSource;
        _database = database;
        _maxBatchSize = maxBatchSize;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
        _tag = new(PostgreSqlInstrumentNames.DatabaseTag, database);
        _writers = Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(RunAsync)));
    }

    /// <summary>Transactions committed so far; a testing and diagnostics aid.</summary>
    internal long CommitCount => Interlocked.Read(ref _commitCount);

    /// <summary>
    /// Queues <paramref name="operation"/>; the task completes once its transaction committed, fails with it, or is
    /// canceled if <paramref name="cancellationToken"/> fires before a writer took it.
    /// </summary>
    public Task<TResult> EnqueueAsync<TResult>(WriteOperation<TResult> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        // Both before queueing: the claim must find the registration it releases, and the decrement must not
        // precede the increment.
        operation.WatchCancellation(cancellationToken);
        _metrics.QueueDepth.Add(1, _tag);
        if (!_channel.Writer.TryWrite(operation))
        {
            _metrics.QueueDepth.Add(-1, _tag);
            operation.TryClaim();
            return Task.FromException<TResult>(new ObjectDisposedException(nameof(WriteQueue), $"The PostgreSQL database {_database} is closed."));
        }

        return operation.Task;
    }

    /// <summary>Stops taking new operations and commits those already queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _writers.ConfigureAwait(false);
        PostgreSqlLog.DatabaseClosed(_logger, _database, CommitCount);
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteOperation>(Math.Min(_maxBatchSize, 256));
        while (await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && _channel.Reader.TryRead(out var operation))
            {
                _metrics.QueueDepth.Add(-1, _tag);
                if (operation.TryClaim())
                {
                    batch.Add(operation);
                }
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitAsync(List<WriteOperation> batch)
    {
        var started = _timeProvider.GetTimestamp();

        // Stable: operations on the same row keep the order they were queued in.
        WriteOperation[] ordered = [.. batch.OrderBy(static o => o.LockOrder, StringComparer.Ordinal)];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunTransactionAsync(ordered).ConfigureAwait(false);
                break;
            }
            catch (Exception exception) when (TransientAbort.IsRetryable(exception) && attempt < TransientAbort.MaxAttempts)
            {
                _metrics.Retries.Add(1, _tag);
                PostgreSqlLog.TransactionRetried(_logger, _database, ((PostgresException)exception).SqlState, attempt + 1);
            }
            catch (Exception exception)
            {
                // Nothing of the batch is applied, so none of its operations may report success.
                PostgreSqlLog.BatchFailed(_logger, exception, ordered.Length, _database);
                foreach (var operation in ordered)
                {
                    operation.Fail(exception);
                }

                return;
            }
        }

        Interlocked.Increment(ref _commitCount);
        _metrics.CommitDuration.Record(_timeProvider.GetElapsedTime(started).TotalSeconds, _tag);
        _metrics.BatchSize.Record(ordered.Length, _tag);
        foreach (var operation in ordered)
        {
            operation.Complete();
        }
    }

    private async Task RunTransactionAsync(WriteOperation[] operations)
    {
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var operation in operations)
        {
            batch.BatchCommands.Add(operation.CreateCommand());
        }

        await using (var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false))
        {
            for (var i = 0; i < operations.Length; i++)
            {
                if (i > 0 && !await reader.NextResultAsync().ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"Statement {i} of a write batch on {_database} returned no result set.");
                }

                operations[i].Record(await reader.ReadAsync().ConfigureAwait(false) ? reader.GetInt64(0) : null);
            }
        }

        await transaction.CommitAsync().ConfigureAwait(false);
    }
}
