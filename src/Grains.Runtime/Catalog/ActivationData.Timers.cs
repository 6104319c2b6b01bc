using Grains.Timers;

namespace Grains.Runtime.Catalog;

internal sealed partial class ActivationData
{
    private List<GrainTimer>? _timers;

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, options);
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                throw new InvalidOperationException($"Grain {GrainId} is deactivating; it cannot register a timer.");
            }

            (_timers ??= []).Add(timer);
        }

        timer.Start();
        return timer;
    }

    internal void OnTimerDisposed(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    /// <summary>Delivers a timer tick as a request, so it takes a turn like any call and never overlaps its own previous tick.</summary>
    internal bool EnqueueTimerTick(GrainRequest tick)
    {
        tick.AssignId();
        tick.Target = GrainId;
        return Enqueue(tick) == EnqueueResult.Accepted;
    }

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            if (_timers is not { Count: > 0 })
            {
                return;
            }

            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }
}
