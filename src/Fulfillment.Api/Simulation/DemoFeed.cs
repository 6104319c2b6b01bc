using System.Text.Json;
using System.Text.Json.Nodes;
using Fulfillment.Api.Ingestion;
using Fulfillment.Grains.Configuration;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Simulation;

/// <summary>
/// The demo feed (<c>Simulator:Enabled</c>): creates <c>OrdersPerMinute</c> orders from the <see cref="DemoScript"/> and
/// posts each of their events when its time comes, as CloudEvents batches through the <see cref="EventIngestor"/> — the
/// path of <c>POST /api/v1/events</c>, so the service treats them as any producer's. Time comes from the
/// <see cref="TimeProvider"/> only, so under a manual clock the feed is exactly reproducible.
/// </summary>
internal sealed partial class DemoFeed(
    EventIngestor ingestor,
    IOptions<SimulatorOptions> options,
    IOptions<FulfillmentOptions> network,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DemoFeed> logger) : BackgroundService
{
    /// <summary>Events per append: well below the ingestion limit.</summary>
    private const int MaxBatch = 500;

    private readonly PriorityQueue<ScheduledEvent, (DateTimeOffset SendAt, long Sequence)> _pending = new();
    private readonly Lock _lock = new();
    private readonly List<(DateTimeOffset At, TaskCompletionSource Done)> _waiters = [];
    private DateTimeOffset _sentThrough = DateTimeOffset.MinValue;
    private long _sequence;

    public long EventsSent { get; private set; }

    public int OrdersCreated { get; private set; }

    /// <summary>Completes once every event due at or before <paramref name="at"/> has been appended (a barrier for tests).</summary>
    public Task WaitForSentThroughAsync(DateTimeOffset at)
    {
        lock (_lock)
        {
            if (_sentThrough >= at)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((at, done));
            return done.Task;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        await HostStartedAsync(stoppingToken);
        var script = new DemoScript(settings.Seed, settings.TimeScale, [.. network.Value.Warehouses.Select(w => (w.Id, w.Region))]);
        var start = time.GetUtcNow();
        var interval = TimeSpan.FromMinutes(1.0 / settings.OrdersPerMinute);
        LogStarted(settings.OrdersPerMinute, settings.Seed, settings.TimeScale);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                while ((settings.MaxOrders == 0 || OrdersCreated < settings.MaxOrders) && start + (interval * OrdersCreated) <= now)
                {
                    foreach (var scheduled in script.Order(OrdersCreated, start + (interval * OrdersCreated)).Events)
                    {
                        _pending.Enqueue(scheduled, (scheduled.SendAt, _sequence++));
                    }

                    OrdersCreated++;
                }

                await SendDueAsync(now, stoppingToken);
                var nextOrder = settings.MaxOrders == 0 || OrdersCreated < settings.MaxOrders ? start + (interval * OrdersCreated) : DateTimeOffset.MaxValue;
                var nextEvent = _pending.TryPeek(out var next, out _) ? next.SendAt : DateTimeOffset.MaxValue;
                var wake = nextOrder < nextEvent ? nextOrder : nextEvent;
                if (wake == DateTimeOffset.MaxValue)
                {
                    SentThrough(wake);
                    LogFinished(OrdersCreated, EventsSent);
                    return;
                }

                // The timer is armed before waiters are released: a clock they advance at once must still fire it.
                var delay = wake - time.GetUtcNow();
                var sleep = delay > TimeSpan.Zero ? Task.Delay(delay, time, stoppingToken) : Task.CompletedTask;
                SentThrough(wake - TimeSpan.FromTicks(1));

                // Yield: a manual clock fires the delay on the thread advancing it, which must not run the feed.
                await sleep.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: events not yet due are simply not sent.
        }
    }

    private async Task SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = new List<JsonNode>();
        while (_pending.TryPeek(out var next, out _) && next.SendAt <= now)
        {
            due.Add(_pending.Dequeue().CloudEvent);
        }

        foreach (var chunk in due.Chunk(MaxBatch))
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new JsonArray([.. chunk.Select(e => e.DeepClone())]));
            var (parsed, appended) = await ingestor.IngestAsync(body, EventBodyShape.Batch, cancellationToken);
            if (appended is null)
            {
                LogRefused(chunk.Length, parsed.Detail);
                continue;
            }

            EventsSent += chunk.Length;
        }
    }

    private void SentThrough(DateTimeOffset at)
    {
        lock (_lock)
        {
            _sentThrough = at;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].At <= at)
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private async Task HostStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }

    [LoggerMessage(2901, LogLevel.Information, "Demo feed started: {OrdersPerMinute} orders a minute, seed {Seed}, {TimeScale} simulated minutes a minute")]
    private partial void LogStarted(int ordersPerMinute, int seed, double timeScale);

    [LoggerMessage(2902, LogLevel.Information, "Demo feed finished: {Orders} orders, {Events} events")]
    private partial void LogFinished(int orders, long events);

    [LoggerMessage(2903, LogLevel.Warning, "Demo feed: ingestion refused {Events} events: {Detail}")]
    private partial void LogRefused(int events, string detail);
}
