using Grains.Runtime.Cluster;
using Microsoft.Extensions.Logging;

namespace Grains.Streams;

/// <summary>
/// Reads one partition of the log and delivers its events: in log order per key, in parallel across keys, with at
/// most <see cref="StreamsOptions.MaxEventsInFlight"/> events read and not yet delivered (reading waits, nothing is
/// dropped). On an interval it checkpoints the low watermark — every event at or below it fully delivered — so that
/// after a crash delivery resumes right after it (at-least-once). A graceful stop drains what is in flight first.
/// Checkpoints carry the lease fence the agent was started under, so an agent whose silo lost the partition can never
/// move the new owner's checkpoint.
/// </summary>
internal sealed partial class PartitionPullingAgent
{
    private readonly IStreamLog _log;
    private readonly ICheckpointStore _checkpoints;
    private readonly StreamDelivery _delivery;
    private readonly StreamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LeaseFence _fence;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<StreamEvent>> _activeKeys = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stopReading = new();
    private readonly CancellationTokenSource _abandon = new();
    private DeliveryTracker _tracker = new(0);
    private Task _readLoop = Task.CompletedTask;
    private ITimer? _checkpointTimer;
    private TaskCompletionSource? _drained;
    private int _givenUp;
    private long _checkpointed;
    private DateTimeOffset? _checkpointedAt;
    private StreamPartitionInfo? _lastInfo;
    private int _checkpointing;

    public PartitionPullingAgent(
        int partition,
        IStreamLog log,
        ICheckpointStore checkpoints,
        StreamDelivery delivery,
        StreamsOptions options,
        TimeProvider time,
        ILogger logger,
        LeaseFence fence)
    {
        Partition = partition;
        _fence = fence;
        _log = log;
        _checkpoints = checkpoints;
        _delivery = delivery;
        _options = options;
        _time = time;
        _logger = logger;
        _slots = new SemaphoreSlim(options.MaxEventsInFlight, options.MaxEventsInFlight);
    }

    public int Partition { get; }

    /// <summary>The last checkpoint this agent wrote or started from.</summary>
    public long Checkpointed => Volatile.Read(ref _checkpointed);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await _checkpoints.ReadAsync(_options.ConsumerGroup, Partition, cancellationToken).ConfigureAwait(false);
        var info = await _log.GetPartitionInfoAsync(Partition, cancellationToken).ConfigureAwait(false);
        var start = checkpoint?.SequenceNumber ?? 0;
        if (start < info.FirstSequenceNumber - 1)
        {
            // Retention never trims past a checkpoint, so this means events were removed by hand; say so loudly.
            LogTrimmedBeforeCheckpoint(Partition, start, info.FirstSequenceNumber);
            start = info.FirstSequenceNumber - 1;
        }

        lock (_lock)
        {
            _tracker = new DeliveryTracker(start);
            _checkpointed = start;
            _checkpointedAt = checkpoint?.UpdatedAt;
            _lastInfo = info;
        }

        _checkpointTimer = _time.CreateTimer(
            static state => _ = ((PartitionPullingAgent)state!).CheckpointAsync(), this, _options.CheckpointInterval, _options.CheckpointInterval);
        _readLoop = Task.Run(() => ReadLoopAsync(_stopReading.Token), CancellationToken.None);
        LogStarted(Partition, start);
    }

    /// <summary>Wakes the read loop: events were appended to this partition.</summary>
    public void OnAppended()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another append woke it first; one wake is enough.
            }
        }
    }

    /// <summary>Stops reading, waits for deliveries in flight (up to the drain timeout), then checkpoints.</summary>
    public async Task StopAsync()
    {
        await _stopReading.CancelAsync().ConfigureAwait(false);
        await _readLoop.ConfigureAwait(false);
        Task drained;
        lock (_lock)
        {
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_tracker.InFlight == _givenUp)
            {
                _drained.TrySetResult();
            }

            drained = _drained.Task;
        }

        try
        {
            await drained.WaitAsync(_options.DrainTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogDrainTimedOut(Partition, _tracker.InFlight);
        }

        _checkpointTimer?.Dispose();
        await _abandon.CancelAsync().ConfigureAwait(false);
        await CheckpointAsync().ConfigureAwait(false);
        LogStopped(Partition, Checkpointed);
    }

    /// <summary>Stops at once with no checkpoint, as if the process had died.</summary>
    public void Kill()
    {
        _checkpointTimer?.Dispose();
        _stopReading.Cancel();
        _abandon.Cancel();
    }

    /// <summary>The status with what the log holds read fresh (operators ask rarely; metrics use <see cref="GetStatus"/>).</summary>
    public async Task<StreamPartitionStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var info = await _log.GetPartitionInfoAsync(Partition, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _lastInfo = info;
        }

        return GetStatus();
    }

    /// <summary>The status from the agent's last view of the log (refreshed on every checkpoint interval).</summary>
    public StreamPartitionStatus GetStatus()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var last = Math.Max(_lastInfo?.LastSequenceNumber ?? 0, _tracker.LastRead);
            var delivered = _tracker.LowWatermark;
            var oldest = _tracker.OldestPendingEnqueuedAt;
            var lagSeconds = oldest is { } enqueued ? Math.Max(0, (now - enqueued).TotalSeconds) : 0;
            return new StreamPartitionStatus(
                Partition,
                last,
                _tracker.LastRead,
                delivered,
                _checkpointed,
                _tracker.InFlight,
                last - delivered,
                lagSeconds,
                _checkpointedAt is { } at ? (now - at).TotalSeconds : null);
        }
    }

    /// <summary>Records the low watermark if it moved; also refreshes what the log holds, for lag reporting.</summary>
    public async Task CheckpointAsync()
    {
        if (Interlocked.Exchange(ref _checkpointing, 1) == 1)
        {
            return;
        }

        try
        {
            long watermark;
            lock (_lock)
            {
                watermark = _tracker.LowWatermark;
            }

            if (watermark > _checkpointed)
            {
                await _checkpoints.WriteAsync(_options.ConsumerGroup, Partition, watermark, _fence, CancellationToken.None).ConfigureAwait(false);
                lock (_lock)
                {
                    _checkpointed = watermark;
                    _checkpointedAt = _time.GetUtcNow();
                }
            }

            var info = await _log.GetPartitionInfoAsync(Partition).ConfigureAwait(false);
            lock (_lock)
            {
                _lastInfo = info;
            }
        }
        catch (StaleLeaseException error)
        {
            LogCheckpointFenced(Partition, _fence.Epoch, error);
        }
        catch (Exception error)
        {
            LogCheckpointFailed(Partition, error);
        }
        finally
        {
            Volatile.Write(ref _checkpointing, 0);
        }
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var next = _tracker.LastRead + 1;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var batch = await _log.ReadAsync(Partition, next, _options.BatchSize, cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    await WaitForEventsAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                foreach (var item in batch)
                {
                    await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    Dispatch(item);
                }

                next = batch[^1].SequenceNumber + 1;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogReadFailed(Partition, error);
                await WaitForEventsAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitForEventsAsync(CancellationToken cancellationToken)
    {
        using var poll = new CancellationTokenSource(_options.PollInterval, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, poll.Token);
        try
        {
            await _wake.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: look again for events appended by another process.
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    // Per key, one delivery at a time in log order; a key already being delivered queues the event behind it.
    private void Dispatch(StreamEvent item)
    {
        lock (_lock)
        {
            _tracker.Read(item);
            if (_activeKeys.TryGetValue(item.Key, out var backlog))
            {
                backlog.Enqueue(item);
                return;
            }

            _activeKeys[item.Key] = new Queue<StreamEvent>();
        }

        _ = DeliverKeyAsync(item);
    }

    private async Task DeliverKeyAsync(StreamEvent first)
    {
        var item = first;
        while (true)
        {
            try
            {
                await _delivery.DeliverAsync(item, _stopReading.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopReading.IsCancellationRequested)
            {
                GiveUpKey(item.Key);
                return;
            }

            StreamEvent? next;
            lock (_lock)
            {
                _tracker.Completed(item.SequenceNumber);
                var backlog = _activeKeys[item.Key];
                if (!backlog.TryDequeue(out next))
                {
                    _activeKeys.Remove(item.Key);
                }

                if (_tracker.InFlight == _givenUp)
                {
                    _drained?.TrySetResult();
                }
            }

            _slots.Release();
            if (next is null)
            {
                return;
            }

            item = next;
        }
    }

    /// <summary>
    /// A key whose delivery was failing when the agent stopped: its events stay below the low watermark, so the
    /// checkpoint never passes them and they are delivered again after the restart. The drain stops waiting for them.
    /// </summary>
    private void GiveUpKey(string key)
    {
        lock (_lock)
        {
            _givenUp += 1 + (_activeKeys.Remove(key, out var backlog) ? backlog.Count : 0);
            if (_tracker.InFlight == _givenUp)
            {
                _drained?.TrySetResult();
            }
        }

        LogGaveUp(Partition, key);
    }

    [LoggerMessage(1507, LogLevel.Information, "Stream agent for partition {Partition} stopped while delivery to key {Key} was failing; it resumes from the checkpoint")]
    private partial void LogGaveUp(int partition, string key);

    [LoggerMessage(1501, LogLevel.Debug, "Stream agent for partition {Partition} started after sequence number {Start}")]
    private partial void LogStarted(int partition, long start);

    [LoggerMessage(1502, LogLevel.Debug, "Stream agent for partition {Partition} stopped at checkpoint {Checkpoint}")]
    private partial void LogStopped(int partition, long checkpoint);

    [LoggerMessage(1503, LogLevel.Warning, "Reading partition {Partition} failed; retrying after the poll interval")]
    private partial void LogReadFailed(int partition, Exception error);

    [LoggerMessage(1504, LogLevel.Warning, "Checkpointing partition {Partition} failed; the next interval retries")]
    private partial void LogCheckpointFailed(int partition, Exception error);

    [LoggerMessage(1508, LogLevel.Warning, "Checkpoint of partition {Partition} refused: another silo claimed the partition after epoch {Epoch}; the new owner resumes from its own checkpoint")]
    private partial void LogCheckpointFenced(int partition, long epoch, Exception error);

    [LoggerMessage(1505, LogLevel.Warning, "Partition {Partition} still had {InFlight} deliveries in flight at the end of the drain timeout")]
    private partial void LogDrainTimedOut(int partition, int inFlight);

    [LoggerMessage(1506, LogLevel.Error, "Partition {Partition} was checkpointed at {Checkpoint} but its log starts at {First}: events were removed before they were processed")]
    private partial void LogTrimmedBeforeCheckpoint(int partition, long checkpoint, long first);
}
