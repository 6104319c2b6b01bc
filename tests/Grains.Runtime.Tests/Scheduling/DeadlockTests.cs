using Grains.Runtime.Tests.Grains;
using Grains.Runtime.Tests.Support;

namespace Grains.Runtime.Tests.Scheduling;

public abstract class DeadlockTests : RuntimeTestBase
{
    [Fact]
    public async Task CallCycle_NonReentrantGrains_FailsFastWithDeadlockNamingTheChain()
    {
        var error = await Assert.ThrowsAsync<DeadlockException>(() => Grains.GetGrain<IChainGrain>("a").Chain(["b", "a"]));

        Assert.Contains("chain/a -> chain/b -> chain/a", error.Message);
        Assert.Equal(0, Silo.PendingCalls);
    }

    [Fact]
    public async Task CallToSelf_FromItsOwnRequest_FailsWithDeadlock()
    {
        await Assert.ThrowsAsync<DeadlockException>(() => Grains.GetGrain<IChainGrain>("self").Chain(["self"]));
    }

    [Fact]
    public async Task CallChain_WithoutCycle_Completes()
    {
        Assert.Equal("a>b>c>d", await Grains.GetGrain<IChainGrain>("a").Chain(["b", "c", "d"]));
    }

    [Fact]
    public async Task CallCycle_ThroughAlwaysInterleaveMethod_Completes()
    {
        Assert.Equal("a>b>a", await Grains.GetGrain<IChainGrain>("a").ChainInterleaved(["b", "a"]));
    }

    [Fact]
    public async Task CallCycle_ReentrantGrains_Completes()
    {
        Assert.Equal("a>b>a>b", await Grains.GetGrain<IReentrantChainGrain>("a").Chain(["b", "a", "b"]));
    }

    [Fact]
    public async Task GrainsInDeadlockedChain_StayUsableAfterwards()
    {
        await Assert.ThrowsAsync<DeadlockException>(() => Grains.GetGrain<IChainGrain>("p").Chain(["q", "p"]));

        Assert.Equal("p>q", await Grains.GetGrain<IChainGrain>("p").Chain(["q"]));
        Assert.Equal("q>p", await Grains.GetGrain<IChainGrain>("q").Chain(["p"]));
    }
}
