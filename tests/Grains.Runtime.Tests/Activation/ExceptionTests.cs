using Grains.Runtime.Tests.Grains;
using Grains.Runtime.Tests.Support;
using Grains.Testing;

namespace Grains.Runtime.Tests.Activation;

public abstract class ExceptionTests : RuntimeTestBase
{
    [Fact]
    public async Task Call_GrainThrows_CallerGetsSameTypeAndMessage()
    {
        var grain = Grains.GetGrain<ICounterGrain>("boom");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Fail("boom at pick"));

        Assert.Equal("boom at pick", error.Message);
        Assert.Contains(nameof(CounterGrain.Fail), error.StackTrace);
    }

    [Fact]
    public async Task Call_GrainThrowsDomainExceptionAfterAwait_CallerCatchesItByType()
    {
        var error = await Assert.ThrowsAsync<OutOfStockException>(() => Grains.GetGrain<ICounterGrain>("d").FailWithDomainError("SKU-7"));

        Assert.Equal("SKU-7 is out of stock", error.Message);
    }

    [Fact]
    public async Task Call_AfterGrainThrew_SameActivationStaysUsable()
    {
        var grain = Grains.GetGrain<ICounterGrain>("usable");
        await grain.Add(2);

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Fail("x"));
        await Assert.ThrowsAsync<OutOfStockException>(() => grain.FailWithDomainError("y"));

        Assert.Equal(5, await grain.Add(3));
        Assert.Equal(1, Signals.Count("activated:usable"));
    }
}
