namespace Grains.Testing;

/// <summary>
/// A clock that moves only when a test says so. Timers created from it fire, in due order, on the thread that calls
/// <see cref="Advance"/>; a periodic timer fires once per period crossed. Timestamps count ticks of 100 ns.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();

    // One Advance at a time: a test that resumes on another thread while a timer callback is still running must not
    // move the clock under it.
    private readonly Lock _advancing = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<(DateTimeOffset Horizon, TaskCompletionSource Armed)> _armWaiters = [];
    private readonly DateTimeOffset _epoch;
    private DateTimeOffset _now;
    private long _sequence;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public ManualTimeProvider(DateTimeOffset start)
    {
        _epoch = start;
        _now = start;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers armed now (created and not disposed, with a due time).</summary>
    public int ArmedTimers
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return (_now - _epoch).Ticks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Completes once some timer is armed to fall due within <paramref name="horizon"/> from now: the barrier to wait on
    /// before advancing past a delay that code on another thread is about to start.
    /// </summary>
    public Task WaitForTimerDueWithinAsync(TimeSpan horizon)
    {
        var armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            var limit = _now + horizon;
            if (_timers.Any(t => t.DueAt <= limit))
            {
                return Task.CompletedTask;
            }

            _armWaiters.Add((limit, armed));
        }

        // A safety net against a hung test run, not a timing assumption.
        return armed.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way at its own due time.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_advancing)
        {
            AdvanceCore(delta);
        }
    }

    private void AdvanceCore(TimeSpan delta)
    {
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + delta;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.DueAt <= target).OrderBy(t => t.DueAt).ThenBy(t => t.Sequence).FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                    return;
                }

                if (next.DueAt > _now)
                {
                    _now = next.DueAt!.Value;
                }

                next.DueAt = next.Period is { } period ? _now + period : null;
                next.Sequence = ++_sequence;
            }

            next.Fire();
        }
    }

    /// <summary>Sets the clock to <paramref name="value"/>, firing timers on the way.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        TimeSpan delta;
        lock (_lock)
        {
            delta = value - _now;
        }

        Advance(delta < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(value), value, "The clock never goes back.") : delta);
    }

    private void Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            timer.Sequence = ++_sequence;
            for (var i = _armWaiters.Count - 1; i >= 0; i--)
            {
                if (timer.DueAt <= _armWaiters[i].Horizon)
                {
                    _armWaiters[i].Armed.TrySetResult();
                    _armWaiters.RemoveAt(i);
                }
            }
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan? Period { get; set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Arm(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
