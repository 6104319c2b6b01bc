using Grains.Hosting;
using Grains.Runtime.Tests.Grains;
using Grains.Runtime.Tests.Support;
using Grains.Testing;

namespace Grains.Runtime.Tests.Lifecycle;

public abstract class CollectionTests : RuntimeTestBase
{
    [Fact]
    public async Task IdleActivation_BeyondDefaultAge_IsCollected()
    {
        var grain = Grains.GetGrain<ICounterGrain>("idle");
        await grain.Add(1);

        Silo.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.True(Silo.IsActive(grain));
        Silo.Time.Advance(TimeSpan.FromMinutes(2));

        await Signals.WaitFor("deactivated:idle");
        Assert.Equal(DeactivationReasonCode.ActivationIdle, Signals.Values("deactivated:idle").Single());
        await Silo.WhenDeactivated(grain);
        Assert.False(Silo.IsActive(grain));
    }

    [Fact]
    public async Task ActiveGrain_CalledWithinItsAge_IsNeverCollected()
    {
        var grain = Grains.GetGrain<ICounterGrain>("busy");
        for (var i = 0; i < 6; i++)
        {
            await grain.Add(1);
            Silo.Time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.True(Silo.IsActive(grain));
        Assert.Equal(0, Signals.Count("deactivated:busy"));
        Assert.Equal(6, await grain.Get());
    }

    [Fact]
    public async Task GrainClassWithCollectionAgeLimit_UsesItsOwnAge()
    {
        var grain = Grains.GetGrain<ILifecycleGrain>("short");
        await grain.Ping();

        Silo.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(Silo.IsActive(grain));
        Silo.Time.Advance(TimeSpan.FromMinutes(2));

        await Signals.WaitFor("deactivated:short");
    }

    [Fact]
    public async Task CollectionAgeByGrainTypeOption_OverridesTheDefault()
    {
        await RestartSiloAsync(silo => silo.Configure(o =>
        {
            o.CollectionAgeByGrainType["counter"] = TimeSpan.FromSeconds(30);
            o.CollectionQuantum = TimeSpan.FromSeconds(10);
        }));
        var grain = Grains.GetGrain<ICounterGrain>("quick");
        await grain.Add(1);

        Silo.Time.Advance(TimeSpan.FromSeconds(40));

        await Signals.WaitFor("deactivated:quick");
    }

    [Fact]
    public async Task DeactivateOnIdle_NextCallGetsFreshActivation()
    {
        var grain = Grains.GetGrain<ICounterGrain>("again");
        await grain.Add(10);

        await grain.Deactivate();
        await Signals.WaitFor("deactivated:again");

        Assert.Equal(DeactivationReasonCode.ApplicationRequested, Signals.Values("deactivated:again").Single());
        Assert.Equal(1, await grain.Add(1));
        Assert.Equal(2, Signals.Count("activated:again"));
    }

    [Fact]
    public async Task RequestsRacingDeactivation_NoneLostNoneDuplicated()
    {
        const int rounds = 40;
        const int callsPerRound = 25;
        var grain = Grains.GetGrain<IStatefulGrain>("churn");

        var results = new List<int>();
        for (var round = 0; round < rounds; round++)
        {
            var calls = Enumerable.Range(0, callsPerRound)
                .Select(i => Task.Run(() => grain.Increment($"{round}-{i}")))
                .Append(Task.Run(async () =>
                {
                    await grain.Deactivate();
                    return -1;
                }))
                .ToArray();
            results.AddRange((await Task.WhenAll(calls)).Where(v => v > 0));
        }

        Assert.Equal(Enumerable.Range(1, rounds * callsPerRound), results.Order());
        Assert.Equal(rounds * callsPerRound, await grain.Value());
        Assert.Equal(rounds * callsPerRound, (await grain.History()).Distinct().Count());
    }
}
