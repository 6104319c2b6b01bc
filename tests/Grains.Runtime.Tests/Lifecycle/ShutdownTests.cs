using Grains.Runtime.Tests.Grains;
using Grains.Runtime.Tests.Support;
using Grains.Testing;

namespace Grains.Runtime.Tests.Lifecycle;

public abstract class ShutdownTests : RuntimeTestBase
{
    [Fact]
    public async Task GracefulStop_DrainsQueuedCallsThenDeactivatesEverything()
    {
        var work = Grains.GetGrain<IWorkGrain>("drain");
        var counter = Grains.GetGrain<ICounterGrain>("drained-counter");
        await counter.Add(1);
        var holder = work.Work("drain-hold");
        await Signals.WaitFor("entered:drain-hold");
        var queued = Enumerable.Range(0, 50).Select(work.Append).ToArray();

        var stopping = Silo.StopAsync();
        Assert.False(stopping.IsCompleted);
        Gates.Open("drain-hold");
        await stopping;

        await holder;
        await Task.WhenAll(queued);
        Assert.Equal(1, Signals.Count("deactivated:drained-counter"));
        Assert.Equal(DeactivationReasonCode.ShuttingDown, Signals.Values("deactivated:drained-counter").Single());
        Assert.Equal(0, Silo.ActivationCount);
    }

    [Fact]
    public async Task CallFromOutside_WhileStopping_IsRefused()
    {
        var work = Grains.GetGrain<IWorkGrain>("stopping");
        var other = Grains.GetGrain<ICounterGrain>("outsider");
        var holder = work.Work("stop-hold");
        await Signals.WaitFor("entered:stop-hold");

        var stopping = Silo.StopAsync();
        var refused = await Assert.ThrowsAsync<SiloUnavailableException>(() => other.Add(1));

        Assert.Contains("shutting down", refused.Message);
        Gates.Open("stop-hold");
        await stopping;
        await holder;
    }

    [Fact]
    public async Task CallAfterStop_IsRefused()
    {
        var grain = Grains.GetGrain<ICounterGrain>("after");
        await grain.Add(1);

        await Silo.StopAsync();

        await Assert.ThrowsAsync<SiloUnavailableException>(() => grain.Add(1));
    }

    [Fact]
    public async Task Kill_SkipsDeactivationAndFailsQueuedCalls()
    {
        var grain = Grains.GetGrain<IWorkGrain>("killed");
        var counter = Grains.GetGrain<ICounterGrain>("killed-counter");
        await counter.Add(1);
        _ = grain.Work("kill-hold");
        await Signals.WaitFor("entered:kill-hold");
        var queued = grain.Append(1);

        await Silo.KillAsync();

        await Assert.ThrowsAsync<SiloUnavailableException>(() => queued);
        Assert.Equal(0, Signals.Count("deactivated:killed-counter"));
        Gates.Open("kill-hold");
    }
}
