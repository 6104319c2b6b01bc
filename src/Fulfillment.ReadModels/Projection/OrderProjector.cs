using Fulfillment.ReadModels.Diagnostics;
using Fulfillment.ReadModels.Feed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfillment.ReadModels.Projection;

/// <summary>
/// The one writer of the read models in this process: drains the projection queue in batches, writes each batch in
/// one transaction (orders and alerts upserted by version, orders marked, swept marks dropped), then releases the
/// publishers waiting for it and hands what changed to the alert feed (<see cref="AlertFeedPublisher"/>). A failed write is retried with back-off, holding the batch (the queue
/// fills and publishers wait): nothing is skipped. The sweep of idle marks runs on the same loop, so marks are dropped
/// and set in the order they were decided.
/// <para>
/// Registered before the silo, it starts first (creating the tables and adopting the marks a crash left) and stops
/// last, after the grains that publish to it; on stop it writes what is still queued.
/// </para>
/// </summary>
internal sealed partial class OrderProjector(
    ProjectionQueue queue,
    IReadModelStore store,
    AlertFeedPublisher feed,
    IOptions<ReadModelOptions> options,
    TimeProvider time,
    ReadModelMetrics metrics,
    ILogger<OrderProjector> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);
    private readonly ReadModelOptions _options = options.Value;
    private readonly List<ProjectionItem> _items = [];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var marked = await store.MarkedOrdersAsync(cancellationToken).ConfigureAwait(false);
        queue.Marks.Adopt(marked, time.GetUtcNow());
        feed.Start(await store.LastFeedSequenceAsync(cancellationToken).ConfigureAwait(false));
        LogStarted(marked.Count);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var sweepTimer = new PeriodicTimer(_options.MarkSweepInterval, time);
        var sweepTick = sweepTimer.WaitForNextTickAsync(stoppingToken).AsTask();
        var itemsReady = queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
        try
        {
            while (true)
            {
                await Task.WhenAny(itemsReady, sweepTick).ConfigureAwait(false);
                if (sweepTick.IsCompleted)
                {
                    await sweepTick.ConfigureAwait(false);
                    queue.Marks.Sweep(time.GetUtcNow(), _options.MarkRetention);
                    sweepTick = sweepTimer.WaitForNextTickAsync(stoppingToken).AsTask();
                }

                if (itemsReady.IsCompleted)
                {
                    if (!await itemsReady.ConfigureAwait(false))
                    {
                        return;
                    }

                    itemsReady = queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
                }

                await WriteBatchAsync(retry: true, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Drains up to a batch (unless the last one is still unwritten) and writes it with the marks swept since the last
    /// write; nothing to write is a no-op.
    /// </summary>
    private async Task WriteBatchAsync(bool retry, CancellationToken cancellationToken)
    {
        if (_items.Count == 0)
        {
            while (_items.Count < _options.MaxBatchSize && queue.Reader.TryRead(out var item))
            {
                _items.Add(item);
            }
        }

        var unmarks = queue.Marks.TakeUnmarks();
        if (_items.Count == 0 && unmarks.Length == 0)
        {
            return;
        }

        var batch = ProjectionBatchBuilder.Build(_items, unmarks);
        var changedAlerts = retry
            ? await ApplyWithRetryAsync(batch, cancellationToken).ConfigureAwait(false)
            : await store.ApplyAsync(batch, cancellationToken).ConfigureAwait(false);
        queue.Marks.Committed(batch.Orders, time.GetUtcNow());
        foreach (var item in _items)
        {
            metrics.Lag(time.GetElapsedTime(item.HandedOffAt));
            item.Committed?.TrySetResult();
        }

        _items.Clear();
        metrics.Projected(batch.Orders.Count);
        feed.Committed(changedAlerts);
    }

    private async Task<IReadOnlyList<AlertRow>> ApplyWithRetryAsync(ProjectionBatch batch, CancellationToken cancellationToken)
    {
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await store.ApplyAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                metrics.WriteFailed();
                LogWriteFailed(batch.Orders.Count, attempt, delay, error);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    /// <summary>
    /// On stop: writes what is still queued (and a batch a cancelled write left), one attempt per batch; a failure
    /// leaves those orders to their marks and the next start.
    /// </summary>
    private async Task FlushAsync()
    {
        try
        {
            while (_items.Count > 0 || queue.Reader.Count > 0)
            {
                await WriteBatchAsync(retry: false, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            LogFlushFailed(_items.Count + queue.Reader.Count, error);
        }
    }

    [LoggerMessage(3001, LogLevel.Information, "Read-model projector started; {Marked} orders are marked for projection from their grains")]
    private partial void LogStarted(int marked);

    [LoggerMessage(3002, LogLevel.Warning, "Writing {Orders} orders to the read model failed (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogWriteFailed(int orders, int attempt, TimeSpan delay, Exception error);

    [LoggerMessage(3003, LogLevel.Warning, "Writing the read model's last {Queued} changes at stop failed; their orders stay marked and are projected at the next start")]
    private partial void LogFlushFailed(int queued, Exception error);
}
