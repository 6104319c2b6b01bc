using Grains.Testing;

namespace Grains.Runtime.Tests.Grains;

public sealed class TimerGrain(Signals signals, Gates gates) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private int _inside;
    private int _maxInside;

    public Task Start(TimeSpan dueTime, TimeSpan period)
    {
        _timer = RegisterGrainTimer(TickAsync, dueTime, period);
        return Task.CompletedTask;
    }

    public Task Stop()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> MaxConcurrentTicks() => Task.FromResult(_maxInside);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var tick = ++_ticks;
        _inside++;
        _maxInside = Math.Max(_maxInside, _inside);
        signals.Record($"tick:{GetPrimaryKeyString()}", tick);
        await gates.WaitAsync($"{GetPrimaryKeyString()}-tick-{tick}");
        _inside--;
        signals.Record($"tick-done:{GetPrimaryKeyString()}", tick);
    }
}
