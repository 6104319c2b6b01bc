using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Grains.Sqlite;

/// <summary>
/// The single writer of a database: a dedicated thread that takes everything queued (up to the batch size), runs it in
/// one <c>BEGIN IMMEDIATE</c> … <c>COMMIT</c> transaction and completes each operation after the commit. One fsync
/// then covers many writes, and no write is acknowledged before it is durable.
/// </summary>
internal sealed class SqliteWriteQueue : IAsyncDisposable
{
    private readonly Channel<SqliteWriteOperation> _channel = Channel.CreateUnbounded<SqliteWriteOperation>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly SqliteConnection _connection;
    private readonly SqliteCommandCache _commands;
    private readonly int _maxBatchSize;
    private readonly string _dataSource;
    private readonly SqliteMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly KeyValuePair<string, object?> _tag;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private long _commitCount;

    /// <summary>Takes ownership of <paramref name="connection"/>, which only the writer thread uses from now on.</summary>
    public SqliteWriteQueue(
        SqliteConnection connection,
        string dataSource,
        int maxBatchSize,
        SqliteMetrics metrics,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _connection = connection;
        _commands = new SqliteCommandCache(connection);
        _dataSource = dataSource;
        _maxBatchSize = maxBatchSize;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
        _tag = new(SqliteInstrumentNames.DataSourceTag, dataSource);

        // A thread of its own: commits block on the disk, which would starve the thread pool under load.
        _thread = new Thread(Run) { IsBackground = true, Name = "Grains.Sqlite writer" };
        _thread.Start();
    }

    /// <summary>Batches committed so far; a testing and diagnostics aid.</summary>
    internal long CommitCount => Interlocked.Read(ref _commitCount);

    /// <summary>
    /// Queues <paramref name="operation"/>; the task completes once its batch committed, fails with the batch, or is
    /// canceled if <paramref name="cancellationToken"/> fires before the writer took it.
    /// </summary>
    public Task<TResult> EnqueueAsync<TResult>(SqliteWriteOperation<TResult> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        // Both before queueing: the writer's claim must find the registration it releases, and its decrement must
        // not precede the increment.
        operation.WatchCancellation(cancellationToken);
        _metrics.QueueDepth.Add(1, _tag);
        if (!_channel.Writer.TryWrite(operation))
        {
            _metrics.QueueDepth.Add(-1, _tag);
            operation.TryClaim();
            return Task.FromException<TResult>(new ObjectDisposedException(nameof(SqliteWriteQueue), $"The SQLite database {_dataSource} is closed."));
        }

        return operation.Task;
    }

    /// <summary>Stops taking new operations, commits those already queued, then closes the writer connection.</summary>
    public ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        return new ValueTask(_stopped.Task);
    }

    private void Run()
    {
        var batch = new List<SqliteWriteOperation>(Math.Min(_maxBatchSize, 256));
        try
        {
            while (WaitForWork())
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
                    Commit(batch);
                }
            }
        }
        finally
        {
            // Only reached early if the loop itself broke: never leave a caller waiting on a dead writer.
            _channel.Writer.TryComplete();
            while (_channel.Reader.TryRead(out var orphan))
            {
                _metrics.QueueDepth.Add(-1, _tag);
                if (orphan.TryClaim())
                {
                    orphan.Fail(new ObjectDisposedException(nameof(SqliteWriteQueue), $"The writer of SQLite database {_dataSource} stopped."));
                }
            }

            _commands.Dispose();
            _connection.Dispose();
            SqliteLog.DatabaseClosed(_logger, _dataSource, CommitCount);
            _stopped.TrySetResult();
        }
    }

    /// <summary>Blocks the writer thread until an operation is queued; false once the queue is completed and empty.</summary>
    private bool WaitForWork()
    {
        var wait = _channel.Reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void Commit(List<SqliteWriteOperation> batch)
    {
        var started = _timeProvider.GetTimestamp();
        try
        {
            _commands.Get("BEGIN IMMEDIATE;").ExecuteNonQuery();
            foreach (var operation in batch)
            {
                operation.Run(_commands);
            }

            _commands.Get("COMMIT;").ExecuteNonQuery();
        }
        catch (Exception exception)
        {
            // Nothing of the batch is applied, so none of its operations may report success.
            SqliteLog.BatchFailed(_logger, exception, batch.Count, _dataSource);
            Rollback();
            foreach (var operation in batch)
            {
                operation.Fail(exception);
            }

            return;
        }

        Interlocked.Increment(ref _commitCount);
        _metrics.CommitDuration.Record(_timeProvider.GetElapsedTime(started).TotalSeconds, _tag);
        _metrics.BatchSize.Record(batch.Count, _tag);
        foreach (var operation in batch)
        {
            operation.Complete();
        }
    }

    private void Rollback()
    {
        if (!_connection.InTransaction())
        {
            return;
        }

        try
        {
            _commands.Get("ROLLBACK;").ExecuteNonQuery();
        }
        catch (SqliteException exception)
        {
            SqliteLog.RollbackFailed(_logger, exception, _dataSource);
        }
    }
}
