using System.Diagnostics.Metrics;
using Grains.Runtime.Diagnostics;
using Grains.Runtime.Placement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grains.Runtime.Cluster;

/// <summary>
/// Decides which partitions this silo serves, through lease rows in the <see cref="IClusterStore"/> (the Event Hubs
/// processor's load-balancing idea). Every <see cref="ClusterOptions.RenewInterval"/> it renews the leases it holds,
/// claims free or expired ones up to its fair share (⌈partitions / live silos⌉) and hands off those above it, so
/// partitions spread evenly as silos join and leave.
/// </summary>
/// <remarks>
/// A lease this silo could not renew stops being served <see cref="ClusterOptions.SafetyMargin"/> before it expires
/// in the store, by a timer that waits on no store call: the silo has stopped before any other silo can claim the
/// partition. Writes that were already on their way are stopped by the fence (<see cref="LeaseFence"/>).
/// A handoff (shedding, or a graceful stop) keeps renewing the lease while the partition's stream agent drains and
/// checkpoints and its activations deactivate, and releases it only then, so the next owner starts without replay.
/// A killed silo releases nothing; its partitions are claimed once their leases expire.
/// </remarks>
public sealed partial class PartitionLeaseManager : IPartitionOwnership, IHostedService, IAsyncDisposable
{
    private readonly IClusterStore _store;
    private readonly IPartitionOwnershipListener _listener;
    private readonly ClusterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ClusterMetrics _metrics;
    private readonly TimeSpan _renewInterval;
    private readonly TimeSpan _safetyMargin;
    private readonly Lock _lock = new();
    private readonly Dictionary<int, HeldLease> _held = [];

    // The last piece of work scheduled per partition: work for one partition runs in order, never overlapping.
    private readonly Dictionary<int, Task> _work = [];
    private readonly HashSet<Task> _pendingWork = [];
    private readonly SemaphoreSlim _cycle = new(1, 1);
    private readonly CancellationTokenSource _killed = new();
    private LeaseFence[] _serving;
    private int[] _owned = [];
    private ITimer? _renewTimer;
    private ITimer? _lapseTimer;
    private SiloStatus _status = SiloStatus.Joining;
    private bool _stopping;
    private int _ended;

    /// <summary>A lease manager for a silo of a cluster whose store is <paramref name="store"/>.</summary>
    /// <param name="store">The cluster store every silo of the cluster shares.</param>
    /// <param name="listener">Starts and stops the work of partitions as they are gained and lost.</param>
    /// <param name="options">Lease timings and this silo's id and endpoint; validated here.</param>
    /// <param name="partitionCount">The cluster's partition count (<c>Cluster:Partitions</c>).</param>
    /// <param name="time">The clock lease times are read from and timers run on.</param>
    /// <param name="logger">Where ownership changes are logged.</param>
    /// <param name="meterFactory">Where the <see cref="ClusterInstrumentNames.MeterName"/> meter comes from.</param>
    public PartitionLeaseManager(
        IClusterStore store,
        IPartitionOwnershipListener listener,
        ClusterOptions options,
        int partitionCount,
        TimeProvider time,
        ILogger<PartitionLeaseManager>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        var validation = new ClusterOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        _store = store;
        _listener = listener;
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger<PartitionLeaseManager>.Instance;
        _renewInterval = options.EffectiveRenewInterval;
        _safetyMargin = options.EffectiveSafetyMargin;
        _serving = new LeaseFence[partitionCount];
        SiloId = options.SiloId ?? $"silo-{Guid.NewGuid():N}";
        _metrics = new ClusterMetrics(meterFactory, () => Volatile.Read(ref _owned).Length);
    }

    /// <summary>This silo's id in the cluster store.</summary>
    public string SiloId { get; }

    public int PartitionCount => _serving.Length;

    /// <summary>The partitions this silo serves now, in order.</summary>
    public IReadOnlyCollection<int> OwnedPartitions => Volatile.Read(ref _owned);

    public bool IsOwnedLocally(int partition)
    {
        var serving = Volatile.Read(ref _serving);
        return (uint)partition < (uint)serving.Length && !serving[partition].IsNone;
    }

    public bool TryGetFence(int partition, out LeaseFence fence)
    {
        var serving = Volatile.Read(ref _serving);
        fence = (uint)partition < (uint)serving.Length ? serving[partition] : LeaseFence.None;
        return !fence.IsNone;
    }

    /// <summary>Registers the silo, claims its first share and starts their work before the host goes on starting.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.InitializeAsync(PartitionCount, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        await _store.RegisterSiloAsync(new SiloRecord(SiloId, _options.Endpoint, SiloStatus.Joining, now, now), cancellationToken).ConfigureAwait(false);
        _lapseTimer = _time.CreateTimer(static state => ((PartitionLeaseManager)state!).OnLapseTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await RunCycleAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _status = SiloStatus.Active;
        }

        await WhenPartitionWorkDoneAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        _renewTimer = _time.CreateTimer(static state => ((PartitionLeaseManager)state!).OnRenewTimer(), this, _renewInterval, _renewInterval);
        LogStarted(SiloId, OwnedPartitions.Count, PartitionCount);
    }

    /// <summary>
    /// Graceful stop: claims nothing more, hands every partition off (drain, checkpoint, deactivate, release) while
    /// still renewing, then records the silo as dead.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        int[] handOff;
        lock (_lock)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            _status = SiloStatus.ShuttingDown;
            handOff = [.. _held.Where(l => !l.Value.HandingOff).Select(l => l.Key).Order()];
        }

        LogStopping(SiloId, handOff.Length);
        await TryStoreAsync(nameof(IClusterStore.HeartbeatAsync), () => _store.HeartbeatAsync(SiloId, SiloStatus.ShuttingDown, _time.GetUtcNow())).ConfigureAwait(false);
        if (handOff.Length > 0)
        {
            StartHandoff(handOff);
        }

        await WhenPartitionWorkDoneAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await EndAsync().ConfigureAwait(false);
        await TryStoreAsync(nameof(IClusterStore.HeartbeatAsync), () => _store.HeartbeatAsync(SiloId, SiloStatus.Dead, _time.GetUtcNow())).ConfigureAwait(false);
        LogStopped(SiloId);
    }

    /// <summary>Without a graceful stop first, this is a crash: timers stop, nothing is released, leases run out.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _ended) == 0)
        {
            await _killed.CancelAsync().ConfigureAwait(false);
            await EndAsync().ConfigureAwait(false);
        }

        _metrics.Dispose();
    }

    /// <summary>
    /// Runs one round now (tests, and the first round at start): heartbeat, renew, then, unless stopping, claim up to
    /// the fair share and hand off extras. Rounds never overlap; this waits for one under way.
    /// </summary>
    public async Task RunCycleAsync(CancellationToken cancellationToken = default)
    {
        await _cycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CycleAsync().ConfigureAwait(false);
        }
        finally
        {
            _cycle.Release();
        }
    }

    /// <summary>Completes once every gain, handoff and loss scheduled so far (and any they lead to) has finished.</summary>
    public async Task WhenPartitionWorkDoneAsync()
    {
        while (true)
        {
            Task[] pending;
            lock (_lock)
            {
                pending = [.. _pendingWork];
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    // With a store that answers synchronously (memory) the whole round runs inside the timer callback, so a manual
    // clock moved by hours renews at every period it crosses and never sees a lease lapse.
    private void OnRenewTimer()
    {
        if (Volatile.Read(ref _ended) != 0 || !_cycle.Wait(0))
        {
            return;
        }

        _ = RunHeldCycleAsync();
    }

    private async Task RunHeldCycleAsync()
    {
        try
        {
            await CycleAsync().ConfigureAwait(false);
        }
        finally
        {
            _cycle.Release();
        }
    }

    private async Task CycleAsync()
    {
        var now = _time.GetUtcNow();
        DropLapsed(now);
        SiloStatus status;
        bool stopping;
        lock (_lock)
        {
            status = _status;
            stopping = _stopping;
        }

        await TryStoreAsync(nameof(IClusterStore.HeartbeatAsync), () => _store.HeartbeatAsync(SiloId, status, now)).ConfigureAwait(false);
        await RenewHeldAsync(now).ConfigureAwait(false);
        if (!stopping)
        {
            await BalanceAsync(now).ConfigureAwait(false);
        }

        ArmLapseTimer();
    }

    private async Task RenewHeldAsync(DateTimeOffset now)
    {
        (int Partition, long Epoch)[] held;
        lock (_lock)
        {
            held = [.. _held.Select(l => (l.Key, l.Value.Epoch))];
        }

        var taken = new List<int>();
        foreach (var (partition, epoch) in held)
        {
            PartitionLease? renewed;
            try
            {
                renewed = await _store.RenewAsync(partition, SiloId, epoch, now, _options.LeaseDuration).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                // The lapse timer stops serving the partition in time if renewals keep failing.
                StoreFailed(nameof(IClusterStore.RenewAsync), error);
                continue;
            }

            lock (_lock)
            {
                if (_held.TryGetValue(partition, out var lease) && lease.Epoch == epoch)
                {
                    if (renewed is null)
                    {
                        taken.Add(partition);
                    }
                    else
                    {
                        lease.ExpiresAt = renewed.ExpiresAt;
                    }
                }
            }
        }

        if (taken.Count > 0)
        {
            Lose(taken, "its lease was found taken");
        }
    }

    private async Task BalanceAsync(DateTimeOffset now)
    {
        IReadOnlyList<SiloRecord> silos;
        IReadOnlyList<PartitionLease> leases;
        try
        {
            silos = await _store.ReadSilosAsync().ConfigureAwait(false);
            leases = await _store.ReadLeasesAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            StoreFailed(nameof(IClusterStore.ReadLeasesAsync), error);
            return;
        }

        var live = LiveSilos(silos, now);
        await MarkGoneSilosDeadAsync(silos, live, now).ConfigureAwait(false);
        var share = (PartitionCount + live.Count - 1) / live.Count;
        int serving;
        List<int> candidates;
        lock (_lock)
        {
            serving = _held.Values.Count(l => !l.HandingOff);
            candidates = [.. leases
                .Where(l => l.IsClaimable(now) && !_held.ContainsKey(l.Partition))
                .OrderBy(l => l.Owner is null ? 0 : 1)
                .ThenBy(l => l.Partition)
                .Select(l => l.Partition)];
        }

        var gained = await ClaimAsync(candidates, share - serving, now).ConfigureAwait(false);
        if (gained.Count > 0)
        {
            LogGained(SiloId, gained.Count, string.Join(",", gained), share, live.Count);
            Schedule(gained, cancellationToken => _listener.OnPartitionsGainedAsync(gained, cancellationToken), "starting");
        }

        if (serving > share)
        {
            int[] extras;
            lock (_lock)
            {
                extras = [.. _held.Where(l => !l.Value.HandingOff).Select(l => l.Key).OrderDescending().Take(serving - share).Order()];
            }

            LogShedding(SiloId, extras.Length, share, live.Count);
            StartHandoff(extras);
        }
    }

    private HashSet<string> LiveSilos(IReadOnlyList<SiloRecord> silos, DateTimeOffset now)
    {
        var live = silos.Where(s => s.IsLive(now, _options.LeaseDuration)).Select(s => s.SiloId).ToHashSet(StringComparer.Ordinal);
        live.Add(SiloId);
        return live;
    }

    // A silo silent for a whole lease duration has lost every lease it held; marking it dead is for people reading
    // the cluster view, the fair share already leaves it out.
    private async Task MarkGoneSilosDeadAsync(IReadOnlyList<SiloRecord> silos, HashSet<string> live, DateTimeOffset now)
    {
        var silentSince = now - _options.LeaseDuration;
        foreach (var silo in silos.Where(s => s.Status != SiloStatus.Dead && !live.Contains(s.SiloId) && s.HeartbeatAt <= silentSince))
        {
            if (await TryStoreAsync(nameof(IClusterStore.MarkDeadAsync), () => _store.MarkDeadAsync(silo.SiloId, silentSince + TimeSpan.FromTicks(1))).ConfigureAwait(false))
            {
                LogMarkedDead(silo.SiloId, silo.HeartbeatAt);
            }
        }
    }

    private async Task<List<int>> ClaimAsync(List<int> candidates, int wanted, DateTimeOffset now)
    {
        var gained = new List<int>();
        foreach (var partition in candidates)
        {
            if (gained.Count >= wanted)
            {
                break;
            }

            PartitionLease? claimed;
            try
            {
                claimed = await _store.TryClaimAsync(partition, SiloId, now, _options.LeaseDuration).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                StoreFailed(nameof(IClusterStore.TryClaimAsync), error);
                break;
            }

            if (claimed is null)
            {
                continue;
            }

            lock (_lock)
            {
                _held[partition] = new HeldLease(claimed.Epoch, claimed.ExpiresAt);
                SetServingLocked([partition], new LeaseFence(partition, claimed.Epoch, SiloId));
            }

            _metrics.Claimed();
            gained.Add(partition);
        }

        return gained;
    }

    private void StartHandoff(IReadOnlyList<int> candidates)
    {
        List<int> partitions = [];
        lock (_lock)
        {
            // A lease may have lapsed since the caller picked it.
            foreach (var partition in candidates)
            {
                if (_held.TryGetValue(partition, out var lease) && !lease.HandingOff)
                {
                    lease.HandingOff = true;
                    partitions.Add(partition);
                }
            }
        }

        if (partitions.Count == 0)
        {
            return;
        }

        Schedule(partitions, cancellationToken => HandOffAsync(partitions, cancellationToken), "handing off");
    }

    private async Task HandOffAsync(IReadOnlyList<int> partitions, CancellationToken cancellationToken)
    {
        await NotifyAsync(() => _listener.OnPartitionsHandingOffAsync(partitions, cancellationToken), partitions, "handing off").ConfigureAwait(false);
        lock (_lock)
        {
            SetServingLocked([.. partitions.Where(p => _held.TryGetValue(p, out var lease) && lease.HandingOff)], LeaseFence.None);
        }

        await NotifyAsync(() => _listener.OnPartitionsLostAsync(partitions, cancellationToken), partitions, "stopping").ConfigureAwait(false);
        var now = _time.GetUtcNow();
        foreach (var partition in partitions)
        {
            long epoch;
            lock (_lock)
            {
                if (!_held.TryGetValue(partition, out var lease) || !lease.HandingOff)
                {
                    // It lapsed during the handoff and is no longer this silo's to release.
                    continue;
                }

                epoch = lease.Epoch;
            }

            if (await TryStoreAsync(nameof(IClusterStore.ReleaseAsync), () => _store.ReleaseAsync(partition, SiloId, epoch, now)).ConfigureAwait(false))
            {
                _metrics.Released();
            }

            lock (_lock)
            {
                if (_held.TryGetValue(partition, out var lease) && lease.Epoch == epoch)
                {
                    _held.Remove(partition);
                }
            }
        }

        LogReleased(SiloId, partitions.Count, string.Join(",", partitions));
        ArmLapseTimer();
    }

    /// <summary>Stops serving partitions whose lease this silo no longer holds (lapsed, or taken) and stops their work.</summary>
    private void Lose(IReadOnlyList<int> partitions, string reason)
    {
        lock (_lock)
        {
            foreach (var partition in partitions)
            {
                _held.Remove(partition);
            }

            SetServingLocked(partitions, LeaseFence.None);
        }

        _metrics.Lost(partitions.Count);
        LogLost(SiloId, partitions.Count, string.Join(",", partitions), reason);
        Schedule(partitions, cancellationToken => _listener.OnPartitionsLostAsync(partitions, cancellationToken), "stopping");
        ArmLapseTimer();
    }

    private void OnLapseTimer()
    {
        if (Volatile.Read(ref _ended) != 0)
        {
            return;
        }

        DropLapsed(_time.GetUtcNow());
        ArmLapseTimer();
    }

    private void DropLapsed(DateTimeOffset now)
    {
        List<int> lapsed;
        lock (_lock)
        {
            lapsed = [.. _held.Where(l => l.Value.ExpiresAt - _safetyMargin <= now).Select(l => l.Key).Order()];
        }

        if (lapsed.Count > 0)
        {
            Lose(lapsed, "its lease could not be renewed before the safety margin");
        }
    }

    private void ArmLapseTimer()
    {
        lock (_lock)
        {
            if (_lapseTimer is null || Volatile.Read(ref _ended) != 0)
            {
                return;
            }

            if (_held.Count == 0)
            {
                _lapseTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return;
            }

            var due = _held.Values.Min(l => l.ExpiresAt) - _safetyMargin - _time.GetUtcNow();
            _lapseTimer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Publishes a new serving table (copy on write: the call path reads it without a lock). Call under the lock.</summary>
    private void SetServingLocked(IReadOnlyCollection<int> partitions, LeaseFence fence)
    {
        if (partitions.Count == 0)
        {
            return;
        }

        var next = (LeaseFence[])_serving.Clone();
        foreach (var partition in partitions)
        {
            next[partition] = fence.IsNone ? LeaseFence.None : fence;
        }

        Volatile.Write(ref _serving, next);
        Volatile.Write(ref _owned, [.. Enumerable.Range(0, next.Length).Where(p => !next[p].IsNone)]);
    }

    /// <summary>Runs <paramref name="work"/> for the partitions after the work already scheduled for any of them.</summary>
    private void Schedule(IReadOnlyList<int> partitions, Func<CancellationToken, Task> work, string what)
    {
        Task task;
        lock (_lock)
        {
            Task[] previous = [.. partitions.Select(p => _work.GetValueOrDefault(p)).OfType<Task>().Where(t => !t.IsCompleted).Distinct()];
            task = Task.Run(() => RunAfterAsync(previous, work, partitions, what));
            foreach (var partition in partitions)
            {
                _work[partition] = task;
            }

            _pendingWork.Add(task);
        }

        task.ContinueWith(
            static (done, state) => ((PartitionLeaseManager)state!).OnWorkDone(done),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task RunAfterAsync(Task[] previous, Func<CancellationToken, Task> work, IReadOnlyList<int> partitions, string what)
    {
        // Earlier work never faults: it logs its own failures.
        await Task.WhenAll(previous).ConfigureAwait(false);
        await NotifyAsync(() => work(_killed.Token), partitions, what).ConfigureAwait(false);
    }

    private async Task NotifyAsync(Func<Task> work, IReadOnlyList<int> partitions, string what)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_killed.IsCancellationRequested)
        {
            // Killed: the work stops with the silo.
        }
        catch (Exception error)
        {
            LogPartitionWorkFailed(what, string.Join(",", partitions), error);
        }
    }

    private void OnWorkDone(Task done)
    {
        lock (_lock)
        {
            _pendingWork.Remove(done);
            foreach (var partition in _work.Where(w => ReferenceEquals(w.Value, done)).Select(w => w.Key).ToList())
            {
                _work.Remove(partition);
            }
        }
    }

    private async Task EndAsync()
    {
        Volatile.Write(ref _ended, 1);
        ITimer? renew;
        ITimer? lapse;
        lock (_lock)
        {
            (renew, lapse) = (_renewTimer, _lapseTimer);
            (_renewTimer, _lapseTimer) = (null, null);
        }

        if (renew is not null)
        {
            await renew.DisposeAsync().ConfigureAwait(false);
        }

        if (lapse is not null)
        {
            await lapse.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> TryStoreAsync(string operation, Func<Task<bool>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            StoreFailed(operation, error);
            return false;
        }
    }

    private void StoreFailed(string operation, Exception error)
    {
        _metrics.StoreFailed();
        LogStoreFailed(operation, error);
    }
}
