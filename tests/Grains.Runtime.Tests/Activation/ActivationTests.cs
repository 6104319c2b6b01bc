using Grains.Runtime.Tests.Grains;
using Grains.Runtime.Tests.Support;
using Grains.Testing;

namespace Grains.Runtime.Tests.Activation;

public abstract class ActivationTests : RuntimeTestBase
{
    [Fact]
    public async Task Call_FirstCall_ActivatesGrainOnce()
    {
        var grain = Grains.GetGrain<ICounterGrain>("a");

        Assert.Equal(5, await grain.Add(5));
        Assert.Equal(7, await grain.Add(2));

        Assert.Equal(1, Signals.Count("activated:a"));
        Assert.Equal(1, Silo.ActivationCount);
    }

    [Fact]
    public async Task ConcurrentFirstCalls_StormOfCallers_ExactlyOneActivationAndNoLostCall()
    {
        const int callers = 2_000;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, callers)
            .Select(_ => Task.Run(async () =>
            {
                await start.Task;
                return await Grains.GetGrain<ICounterGrain>("storm").Add(1);
            }))
            .ToArray();

        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(1, Signals.Count("activated:storm"));
        Assert.Equal(Enumerable.Range(1, callers), results.Order());
        Assert.Equal(callers, await Grains.GetGrain<ICounterGrain>("storm").Get());
    }

    [Fact]
    public async Task GetGrain_SameKeyTwice_EqualReferencesSharingOneActivation()
    {
        var first = Grains.GetGrain<ICounterGrain>("same");
        var second = Grains.GetGrain<ICounterGrain>("same");

        await first.Add(1);
        await second.Add(1);

        Assert.Equal(first, second);
        Assert.Equal("same", second.GetPrimaryKeyString());
        Assert.Equal(2, await first.Get());
        Assert.Equal(1, Silo.ActivationCount);
    }

    [Fact]
    public async Task GetGrain_DifferentKeys_IndependentActivations()
    {
        await Grains.GetGrain<ICounterGrain>("x").Add(3);
        await Grains.GetGrain<ICounterGrain>("y").Add(4);

        Assert.Equal(3, await Grains.GetGrain<ICounterGrain>("x").Get());
        Assert.Equal(4, await Grains.GetGrain<ICounterGrain>("y").Get());
        Assert.Equal(2, Silo.ActivationCount);
    }

    [Fact]
    public async Task Call_RecordArgument_ArrivesIntact()
    {
        var at = new DateTimeOffset(2026, 11, 22, 10, 30, 0, TimeSpan.Zero);

        var described = await Grains.GetGrain<ICounterGrain>("r").Describe(new CounterDescription("picks", [3, 1, 2], at));

        Assert.Equal("picks:3,1,2@2026-11-22T10:30:00.0000000+00:00", described);
    }

    [Fact]
    public async Task Call_ValueTaskMethods_ReturnResults()
    {
        var grain = Grains.GetGrain<ICounterGrain>("vt");

        Assert.Equal(4, await grain.AddValue(4));
        await grain.Touch();
        Assert.Equal(9, await grain.AddValue(5));
    }

    [Fact]
    public async Task OnActivateAsync_Throws_CallFailsAndNextCallActivatesAfresh()
    {
        var grain = Grains.GetGrain<IFlakyActivationGrain>("flaky");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Attempt());

        Assert.Equal("first activation fails", error.Message);
        Assert.Equal(2, await grain.Attempt());
        Assert.Equal(1, Silo.ActivationCount);
    }
}
