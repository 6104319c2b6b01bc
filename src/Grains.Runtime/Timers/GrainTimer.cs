using Grains.Runtime;
using Grains.Runtime.Catalog;

namespace Grains.Timers;

/// <summary>
/// A timer that delivers each tick to its activation as a request. The next tick is armed only when the previous one
/// has completed, so ticks never overlap, and the period is measured from the end of a tick.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly GrainMethodDescriptor _descriptor;
    private readonly bool _keepAlive;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private bool _tickRunning;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Validate(options.DueTime, options.Period);
        _activation = activation;
        _callback = callback;
        _dueTime = options.DueTime;
        _period = options.Period;
        _keepAlive = options.KeepAlive;
        _descriptor = new GrainMethodDescriptor(
            "GrainTimer", callback.Method.Name, options.Interleave ? GrainMethodFlags.AlwaysInterleave : GrainMethodFlags.None, null, null);
    }

    public void Start()
    {
        lock (_lock)
        {
            _timer = _activation.Runtime.Time.CreateTimer(static state => ((GrainTimer)state!).OnDue(), this, _dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            _dueTime = dueTime;
            _period = period;
            if (!_tickRunning)
            {
                _timer?.Change(dueTime, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _disposed.Cancel();
            _timer?.Dispose();
        }

        _activation.OnTimerDisposed(this);
    }

    private void OnDue()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _tickRunning = true;
        }

        if (!_activation.EnqueueTimerTick(new TimerTickRequest(this)))
        {
            Dispose();
        }
    }

    private async ValueTask<None> RunTickAsync()
    {
        try
        {
            await _callback(_disposed.Token);
        }
        catch (Exception error) when (!_disposed.IsCancellationRequested)
        {
            _activation.Runtime.LogTimerFailed(_activation.GrainId, error);
        }
        catch (OperationCanceledException)
        {
            // Disposed during the tick: nothing to report.
        }
        finally
        {
            ArmNext();
        }

        return default;
    }

    private void ArmNext()
    {
        lock (_lock)
        {
            _tickRunning = false;
            if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan)
            {
                _timer?.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A timer's due time must be zero or more, or Timeout.InfiniteTimeSpan.");
        }

        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A timer's period must be greater than zero, or Timeout.InfiniteTimeSpan.");
        }
    }

    /// <summary>One tick, delivered through the activation's mailbox. It never leaves the silo, so it is never serialized.</summary>
    private sealed class TimerTickRequest(GrainTimer timer) : GrainRequest<None>
    {
        public override GrainMethodDescriptor Method => timer._descriptor;

        internal override bool CountsAsActivity => timer._keepAlive;

        protected override ValueTask<None> InvokeCoreAsync(object grain) => timer.RunTickAsync();

        protected override void WriteArguments(System.Text.Json.Utf8JsonWriter writer, System.Text.Json.JsonSerializerOptions options) =>
            throw new NotSupportedException("Timer ticks are delivered in the silo and are never serialized.");
    }
}
