using Grains.Runtime.Tests.Grains;
using Grains.Runtime.Tests.Support;
using Grains.Testing;

namespace Grains.Runtime.Tests.Timers;

public abstract class GrainTimerTests : RuntimeTestBase
{
    [Fact]
    public async Task Timer_TickStillRunning_NextTickWaitsForIt()
    {
        var grain = Grains.GetGrain<ITimerGrain>("t");
        await grain.Start(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        Silo.Time.Advance(TimeSpan.FromSeconds(1));
        await Signals.WaitFor("tick:t");
        Silo.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, Signals.Count("tick:t"));

        Gates.Open("t-tick-1");
        await Signals.WaitFor("tick-done:t");
        Silo.Time.Advance(TimeSpan.FromSeconds(1));
        await Signals.WaitFor("tick:t", 2);
        Gates.Open("t-tick-2");
        await Signals.WaitFor("tick-done:t", 2);

        Assert.Equal(1, await grain.MaxConcurrentTicks());
    }

    [Fact]
    public async Task Timer_StopsWhenDisposed()
    {
        var grain = Grains.GetGrain<ITimerGrain>("stopped");
        await grain.Start(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        Silo.Time.Advance(TimeSpan.FromSeconds(1));
        await Signals.WaitFor("tick:stopped");
        Gates.Open("stopped-tick-1");
        await Signals.WaitFor("tick-done:stopped");

        await grain.Stop();
        Silo.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(1, Signals.Count("tick:stopped"));
    }

    [Fact]
    public async Task Timer_StopsWhenActivationDeactivates()
    {
        var grain = Grains.GetGrain<ITimerGrain>("gone");
        await grain.Start(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

        await grain.Deactivate();
        await Silo.WhenDeactivated(grain);
        Silo.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, Signals.Count("tick:gone"));
        Assert.False(Silo.IsActive(grain));
    }

    [Fact]
    public async Task Request_WhileTimerTickHoldsTheTurn_WaitsForIt()
    {
        var timers = Grains.GetGrain<ITimerGrain>("turn");
        await timers.Start(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        var holder = timers.MaxConcurrentTicks();
        await holder;

        Silo.Time.Advance(TimeSpan.FromSeconds(1));
        await Signals.WaitFor("tick:turn");
        var queuedBehindTick = timers.MaxConcurrentTicks();

        Assert.False(queuedBehindTick.IsCompleted);
        Gates.Open("turn-tick-1");
        Assert.Equal(1, await queuedBehindTick);
    }
}
