using Grains.Hosting;
using Grains.Runtime.Tests.Grains;
using Grains.Runtime.Tests.Support;
using Grains.Testing;

namespace Grains.Runtime.Tests.Scheduling;

public abstract class TurnTests : RuntimeTestBase
{
    [Fact]
    public async Task NonReentrantGrain_ConcurrentRequests_RunOneAtATime()
    {
        var grain = Grains.GetGrain<IWorkGrain>("serial");
        var first = grain.Work("s1");
        await Signals.WaitFor("entered:s1");

        var second = grain.Work("s2");

        Assert.False(second.IsCompleted);
        Assert.Equal(0, Signals.Count("entered:s2"));
        Gates.Open("s1");
        Assert.Equal(1, await first);
        await Signals.WaitFor("entered:s2");
        Gates.Open("s2");
        Assert.Equal(1, await second);
    }

    [Fact]
    public async Task ReadOnlyRequests_RunTogether_AndAWriterWaitsForBoth()
    {
        var grain = Grains.GetGrain<IWorkGrain>("readers");
        var reader1 = grain.Read("r1");
        var reader2 = grain.Read("r2");
        await Signals.WaitFor("entered:r2");
        var writer = grain.Work("w");

        Gates.Open("r1");
        Assert.Equal(2, await reader1);
        Assert.Equal(0, Signals.Count("entered:w"));
        Gates.Open("r2");
        Assert.Equal(2, await reader2);
        await Signals.WaitFor("entered:w");
        Gates.Open("w");
        await writer;
    }

    [Fact]
    public async Task AlwaysInterleaveRequest_RunsWhileAnotherRequestHolds()
    {
        var grain = Grains.GetGrain<IWorkGrain>("interleave");
        var holder = grain.Work("hold");
        await Signals.WaitFor("entered:hold");

        var interleaved = grain.Interleaved("inside");
        await Signals.WaitFor("entered:inside");

        Gates.Open("inside");
        Assert.Equal(2, await interleaved);
        Gates.Open("hold");
        Assert.Equal(2, await holder);
    }

    [Fact]
    public async Task ReentrantGrain_RequestsInterleaveAtAwaits()
    {
        var grain = Grains.GetGrain<IReentrantWorkGrain>("reentrant");
        var first = grain.Work("re1");
        var second = grain.Work("re2");
        await Signals.WaitFor("entered:re2");

        Gates.Open("re1");
        Gates.Open("re2");

        Assert.Equal(2, await first);
        Assert.Equal(2, await second);
    }

    [Fact]
    public async Task OneCaller_ManyUnawaitedCalls_ArriveInCallOrder()
    {
        var grain = Grains.GetGrain<IWorkGrain>("ordered");
        var holder = grain.Work("order-hold");
        await Signals.WaitFor("entered:order-hold");
        var appends = Enumerable.Range(0, 500).Select(grain.Append).ToArray();

        Gates.Open("order-hold");
        await holder;
        await Task.WhenAll(appends);

        Assert.Equal(Enumerable.Range(0, 500), await grain.Log());
    }

    [Fact]
    public async Task ManyConcurrentCallers_EachCallersCallsStayInItsOrder()
    {
        const int callers = 8;
        const int callsEach = 200;
        var grain = Grains.GetGrain<IWorkGrain>("per-caller");

        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            for (var i = 0; i < callsEach; i++)
            {
                await grain.Append((caller * 10_000) + i);
            }
        })));

        var log = await grain.Log();
        Assert.Equal(callers * callsEach, log.Count);
        foreach (var caller in Enumerable.Range(0, callers))
        {
            var own = log.Where(entry => entry / 10_000 == caller).Select(entry => entry % 10_000);
            Assert.Equal(Enumerable.Range(0, callsEach), own);
        }
    }

    [Fact]
    public async Task FullMailbox_NextCall_RefusedWithOverloadAndOthersComplete()
    {
        await RestartSiloAsync(silo => silo.Configure(o => o.MaxPendingRequestsPerActivation = 3));
        var grain = Grains.GetGrain<IWorkGrain>("full");
        var holder = grain.Work("full-hold");
        await Signals.WaitFor("entered:full-hold");
        var queued = new[] { grain.Append(1), grain.Append(2), grain.Append(3) };

        var refused = await Assert.ThrowsAsync<GrainOverloadedException>(() => grain.Append(4));

        Assert.Contains("3 requests waiting", refused.Message);
        Gates.Open("full-hold");
        await holder;
        await Task.WhenAll(queued);
        Assert.Equal([1, 2, 3], await grain.Log());
    }
}
