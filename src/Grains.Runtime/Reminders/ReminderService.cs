using Grains.Runtime;
using Grains.Runtime.Cluster;
using Grains.Runtime.Diagnostics;
using Grains.Runtime.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Reminders;

/// <summary>
/// Fires durable reminders for the partitions this silo owns. Reminders due within <see cref="ReminderOptions.LoadWindow"/>
/// sit in a priority queue behind one timer; later ones stay in the table and are loaded as the window moves, so a
/// million registered reminders cost memory only for the ones about to fire. Delivery is a normal grain call to
/// <see cref="IRemindable.ReceiveReminder"/>, which activates the grain if it is not in memory. Delivery is
/// at-least-once: a one-shot reminder is removed only after its grain accepted it, and a periodic tick that was being
/// delivered when its silo died may be delivered again by the next owner. In a cluster the silo's partitions come and
/// go: <see cref="AddPartitionsAsync"/> loads a gained partition's reminders, <see cref="RemovePartitionsAsync"/> stops
/// a lost one's; table writes carry the partition's lease fence.
/// </summary>
internal sealed partial class ReminderService : IAsyncDisposable
{
    private readonly IReminderTable _table;
    private readonly GrainRuntime _runtime;
    private readonly IPartitionOwnership _ownership;
    private readonly TimeProvider _time;
    private readonly ReminderOptions _options;
    private readonly GrainsMetrics _metrics;
    private readonly ILogger<ReminderService> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId, string), ScheduledReminder> _scheduled = [];
    private readonly PriorityQueue<ScheduledReminder, DateTimeOffset> _queue = new();
    // Deliveries and loads under way, with the partition a delivery is for (-1 for a load).
    private readonly Dictionary<Task, int> _deliveries = [];
    private ITimer? _timer;
    private DateTimeOffset _windowEnd;
    private long _version;
    private bool _running;
    private bool _refreshing;
    private int _loadsInProgress;

    public ReminderService(
        IReminderTable table,
        GrainRuntime runtime,
        IPartitionOwnership ownership,
        TimeProvider time,
        IOptions<ReminderOptions> options,
        GrainsMetrics metrics,
        ILogger<ReminderService> logger)
    {
        _table = table;
        _runtime = runtime;
        _ownership = ownership;
        _time = time;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Reminders currently held in memory (due within the window).</summary>
    public int ScheduledCount
    {
        get
        {
            lock (_lock)
            {
                return _scheduled.Values.Count(s => !s.IsRemoved);
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _running = true;
            _timer = _time.CreateTimer(static state => ((ReminderService)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        await LoadWindowAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops firing and waits for deliveries under way to finish.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] inFlight;
        lock (_lock)
        {
            _running = false;
            _timer?.Dispose();
            _timer = null;
            _scheduled.Clear();
            _queue.Clear();
            inFlight = [.. _deliveries.Keys];
        }

        await Task.WhenAll(inFlight).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Schedules the reminders of partitions this silo just gained that are due within the current window.</summary>
    public async Task AddPartitionsAsync(IReadOnlyCollection<int> partitions, CancellationToken cancellationToken)
    {
        DateTimeOffset windowEnd;
        lock (_lock)
        {
            if (!_running)
            {
                return;
            }

            windowEnd = _windowEnd;
        }

        // Before the first load the window is not set: that load reads every owned partition, these included.
        if (windowEnd != default)
        {
            await LoadAsync(partitions, windowEnd, moveWindow: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops firing the reminders of partitions this silo hands off or lost, and waits for their deliveries under way.</summary>
    public async Task RemovePartitionsAsync(IReadOnlyCollection<int> partitions, CancellationToken cancellationToken)
    {
        var set = partitions as ISet<int> ?? partitions.ToHashSet();
        Task[] inFlight;
        lock (_lock)
        {
            foreach (var key in _scheduled.Where(p => set.Contains(p.Value.Entry.Partition)).Select(p => p.Key).ToList())
            {
                _scheduled.Remove(key);
            }

            inFlight = [.. _deliveries.Where(d => set.Contains(d.Value)).Select(d => d.Key)];
        }

        await Task.WhenAll(inFlight).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registers or moves a reminder; the table write carries <paramref name="fence"/>, the lease of the grain's activation.</summary>
    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string name, DateTimeOffset startAt, TimeSpan period, LeaseFence fence, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (period != TimeSpan.Zero && period < _options.MinimumPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Reminder '{name}' of {grainId} has period {period}; ReminderOptions.MinimumPeriod is {_options.MinimumPeriod}. Use a grain timer for shorter periods.");
        }

        var entry = new ReminderEntry(grainId, name, startAt, period, grainId.GetPartition(_ownership.PartitionCount));
        var etag = await _table.UpsertAsync(entry, fence, cancellationToken).ConfigureAwait(false);
        entry = entry with { ETag = etag };
        lock (_lock)
        {
            ScheduleLocked(entry, _time.GetUtcNow());
        }

        Arm();
        return entry;
    }

    public async Task UnregisterAsync(GrainId grainId, string name, LeaseFence fence, CancellationToken cancellationToken = default)
    {
        var existing = await _table.ReadAsync(grainId, name, cancellationToken).ConfigureAwait(false);
        if (existing?.ETag is { } etag)
        {
            await _table.RemoveAsync(grainId, name, etag, fence, cancellationToken).ConfigureAwait(false);
        }

        lock (_lock)
        {
            ForgetLocked(new ReminderEntry(grainId, name, default, TimeSpan.Zero, 0));
        }
    }

    public Task<ReminderEntry?> GetAsync(GrainId grainId, string name, CancellationToken cancellationToken = default) =>
        _table.ReadAsync(grainId, name, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> GetAllAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        _table.ReadAllAsync(grainId, cancellationToken);

    /// <summary>Reads the reminders due within the next window from the table and schedules those not already known.</summary>
    public Task LoadWindowAsync(CancellationToken cancellationToken) =>
        LoadAsync(_ownership.OwnedPartitions, _time.GetUtcNow() + _options.LoadWindow, moveWindow: true, cancellationToken);

    private async Task LoadAsync(IReadOnlyCollection<int> partitions, DateTimeOffset windowEnd, bool moveWindow, CancellationToken cancellationToken)
    {
        long startVersion;
        lock (_lock)
        {
            startVersion = _version;
            _loadsInProgress++;
        }

        IReadOnlyList<ReminderEntry> entries;
        try
        {
            entries = await _table.ReadDueAsync(partitions, windowEnd, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_lock)
            {
                _loadsInProgress--;
            }

            throw;
        }

        lock (_lock)
        {
            _loadsInProgress--;
            if (!_running)
            {
                return;
            }

            var now = _time.GetUtcNow();
            foreach (var entry in entries)
            {
                if (_scheduled.TryGetValue((entry.GrainId, entry.Name), out var known)
                    && (known.Version > startVersion || (!known.IsRemoved && known.Entry.ETag == entry.ETag)))
                {
                    continue;
                }

                ScheduleLocked(entry, now);
            }

            // Markers older than this load are no longer needed: the load already saw those removals.
            foreach (var key in _scheduled.Where(p => p.Value.IsRemoved && p.Value.Version <= startVersion).Select(p => p.Key).ToList())
            {
                _scheduled.Remove(key);
            }

            if (moveWindow)
            {
                _windowEnd = windowEnd;
            }
        }

        Arm();
    }

    private void ScheduleLocked(ReminderEntry entry, DateTimeOffset now)
    {
        // Another silo fires the reminders of partitions this one does not serve.
        if (!_running || !_ownership.IsOwnedLocally(entry.Partition))
        {
            return;
        }

        var dueAt = entry.NextTickAtOrAfter(now);
        var scheduled = new ScheduledReminder(entry, dueAt, ++_version);
        if (dueAt < _windowEnd || _windowEnd == default)
        {
            _scheduled[scheduled.Key] = scheduled;
            _queue.Enqueue(scheduled, dueAt);
        }
        else
        {
            // Beyond the window: the load that reaches its due time schedules it. Drop any older schedule of it.
            ForgetLocked(entry);
        }
    }

    /// <summary>
    /// Drops the in-memory schedule of a reminder. While a load is reading the table, a marker stays instead, so the
    /// load cannot bring back the row it may have read before the change.
    /// </summary>
    private void ForgetLocked(ReminderEntry entry)
    {
        var key = (entry.GrainId, entry.Name);
        if (_loadsInProgress > 0)
        {
            _scheduled[key] = new ScheduledReminder(entry, DateTimeOffset.MaxValue, ++_version) { IsRemoved = true };
        }
        else
        {
            _scheduled.Remove(key);
        }
    }

    private bool IsCurrent(ScheduledReminder scheduled) =>
        _scheduled.TryGetValue(scheduled.Key, out var current) && ReferenceEquals(current, scheduled);

    private void OnTimer()
    {
        var due = new List<ScheduledReminder>();
        var refresh = false;
        lock (_lock)
        {
            if (!_running)
            {
                return;
            }

            var now = _time.GetUtcNow();
            while (_queue.TryPeek(out var next, out var dueAt) && dueAt <= now)
            {
                _queue.Dequeue();
                if (IsCurrent(next) && !next.Delivering && next.DueAt == dueAt)
                {
                    next.Delivering = true;
                    due.Add(next);
                }
            }

            if (!_refreshing && now >= RefreshAt)
            {
                _refreshing = true;
                refresh = true;
            }
        }

        foreach (var reminder in due)
        {
            Track(DeliverAsync(reminder), reminder.Entry.Partition);
        }

        if (refresh)
        {
            Track(RefreshAsync(), -1);
        }

        Arm();
    }

    private DateTimeOffset RefreshAt => _windowEnd - (_options.LoadWindow / 2);

    private async Task RefreshAsync()
    {
        try
        {
            await LoadWindowAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            LogLoadFailed(error);
        }
        finally
        {
            lock (_lock)
            {
                _refreshing = false;
            }

            Arm();
        }
    }

    private async Task DeliverAsync(ScheduledReminder scheduled)
    {
        var entry = scheduled.Entry;
        var status = new TickStatus(entry.StartAt, entry.Period, scheduled.DueAt);
        try
        {
            var grain = _runtime.GrainFactory.GetGrain<IRemindable>(entry.GrainId);
            await grain.ReceiveReminder(entry.Name, status).ConfigureAwait(false);
            _metrics.ReminderFired();
            LogDelivered(entry.GrainId, entry.Name, scheduled.DueAt);
            if (entry.IsOneShot)
            {
                lock (_lock)
                {
                    if (IsCurrent(scheduled))
                    {
                        _scheduled.Remove(scheduled.Key);
                    }
                }

                // Conditional on the ETag: if the grain registered the reminder again meanwhile, the new one stays.
                // A partition lost meanwhile keeps the row: its new owner delivers the reminder again (at-least-once).
                if (_ownership.TryGetFence(entry.Partition, out var fence))
                {
                    await _table.RemoveAsync(entry.GrainId, entry.Name, entry.ETag!, fence, CancellationToken.None).ConfigureAwait(false);
                }
            }
            else
            {
                Reschedule(scheduled, failed: false);
            }
        }
        catch (Exception error)
        {
            _metrics.ReminderFailed();
            LogDeliveryFailed(entry.GrainId, entry.Name, error);
            Reschedule(scheduled, failed: true);
        }
    }

    private void Reschedule(ScheduledReminder scheduled, bool failed)
    {
        lock (_lock)
        {
            scheduled.Delivering = false;
            if (!_running || !IsCurrent(scheduled))
            {
                return;
            }

            var now = _time.GetUtcNow();
            if (failed)
            {
                scheduled.FailedAttempts++;
            }
            else
            {
                scheduled.FailedAttempts = 0;
            }

            var entry = scheduled.Entry;
            DateTimeOffset next;
            if (entry.IsOneShot)
            {
                // Only a failed one-shot comes back: retry with a doubling delay.
                var delay = TimeSpan.FromTicks(Math.Min(
                    _options.MaximumRetryDelay.Ticks,
                    _options.InitialRetryDelay.Ticks * (1L << Math.Min(scheduled.FailedAttempts - 1, 30))));
                next = now + delay;
            }
            else
            {
                next = entry.NextTickAtOrAfter(now);
                if (next <= scheduled.DueAt)
                {
                    next = scheduled.DueAt + entry.Period;
                }
            }

            scheduled.DueAt = next;
            if (next < _windowEnd)
            {
                _queue.Enqueue(scheduled, next);
            }
            else
            {
                _scheduled.Remove(scheduled.Key);
            }
        }

        Arm();
    }

    private void Arm()
    {
        lock (_lock)
        {
            if (!_running || _timer is null)
            {
                return;
            }

            var now = _time.GetUtcNow();
            var wakeAt = _windowEnd == default ? now + _options.LoadWindow : RefreshAt;
            if (_queue.TryPeek(out _, out var dueAt) && dueAt < wakeAt)
            {
                wakeAt = dueAt;
            }

            var delay = wakeAt - now;
            _timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Track(Task delivery, int partition)
    {
        // Finished already (and perhaps the shared completed task): nothing to wait for.
        if (delivery.IsCompleted)
        {
            return;
        }

        lock (_lock)
        {
            _deliveries.Add(delivery, partition);
        }

        delivery.ContinueWith(
            static (done, state) =>
            {
                var service = (ReminderService)state!;
                lock (service._lock)
                {
                    service._deliveries.Remove(done);
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
