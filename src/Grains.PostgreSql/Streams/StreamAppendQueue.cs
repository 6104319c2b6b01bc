using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// Group commit for stream appends: one loop per log takes the appends queued (up to
/// <see cref="PostgreSqlStorageOptions.MaxAppendBatchEvents"/> events, and always at least one append, however
/// large), runs them as one <see cref="AppendTransaction"/> and completes each after COMMIT. Appends serialize on the
/// log row anyway, so a single loop loses nothing, and while one transaction commits the next group gathers.
/// </summary>
internal sealed class StreamAppendQueue : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _channel = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly PostgreSqlDatabase _database;
    private readonly TimeSpan _window;
    private readonly long _capacity;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public StreamAppendQueue(PostgreSqlDatabase database, TimeSpan window, long capacity, ILogger logger)
    {
        _database = database;
        _window = window;
        _capacity = capacity;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public Task<StreamAppendOutcome> EnqueueAsync(PendingAppend append, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<StreamAppendOutcome>(cancellationToken);
        }

        append.WatchCancellation(cancellationToken);
        if (!_channel.Writer.TryWrite(append))
        {
            append.TryClaim();
            return Task.FromException<StreamAppendOutcome>(new ObjectDisposedException(nameof(StreamAppendQueue), $"The stream log on {_database.Name} is closed."));
        }

        return append.Task;
    }

    /// <summary>Stops taking appends and commits those already queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var group = new List<PendingAppend>();
        while (await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            var events = 0;
            while (_channel.Reader.TryPeek(out var next) && (group.Count == 0 || events + next.Events.Count <= _database.MaxAppendBatchEvents))
            {
                _channel.Reader.TryRead(out _);
                if (next.TryClaim())
                {
                    group.Add(next);
                    events += next.Events.Count;
                }
            }

            if (group.Count > 0)
            {
                await CommitAsync(group).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitAsync(List<PendingAppend> group)
    {
        StreamAppendOutcome[] outcomes;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _database.DataSource.OpenConnectionAsync().ConfigureAwait(false);
                outcomes = await new AppendTransaction(group, _database.TimeProvider, _window, _capacity).RunAsync(connection).ConfigureAwait(false);
                break;
            }
            catch (Exception exception) when (TransientAbort.IsRetryable(exception) && attempt < TransientAbort.MaxAttempts)
            {
                _database.Metrics.Retries.Add(1, _database.Tag);
                PostgreSqlLog.TransactionRetried(_logger, _database.Name, ((PostgresException)exception).SqlState, attempt + 1);
            }
            catch (Exception exception)
            {
                // The transaction rolled back whole: no append of the group may report success.
                PostgreSqlLog.AppendFailed(_logger, exception, group.Count, _database.Name);
                foreach (var append in group)
                {
                    append.Fail(exception);
                }

                return;
            }
        }

        _database.Metrics.AppendBatchSize.Record(group.Count, _database.Tag);
        for (var i = 0; i < group.Count; i++)
        {
            group[i].Succeed(outcomes[i]);
        }
    }
}
