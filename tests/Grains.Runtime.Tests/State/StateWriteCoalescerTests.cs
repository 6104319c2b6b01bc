using Grains.Runtime.Tests.Grains;
using Grains.Runtime.Tests.Support;
using Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Tests.State;

public abstract class StateWriteCoalescerTests : RuntimeTestBase
{
    private HeldStorage _storage = null!;

    public override async Task InitializeAsync()
    {
        _storage = new HeldStorage(Signals);
        Silo = await StartSiloAsync(services: s => s.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Default, _storage));
    }

    [Fact]
    public async Task ChangesMadeWhileAWriteIsInFlight_AreAcknowledgedByOneFollowingWrite()
    {
        var grain = Grains.GetGrain<ICoalescingCounterGrain>("hot");
        await grain.Add(0);
        _storage.HoldWrites();
        var first = grain.Add(1);
        await Signals.WaitFor("write-started", 2);

        var rest = Enumerable.Range(0, 99).Select(_ => grain.Add(1)).ToArray();
        Assert.All(rest, call => Assert.False(call.IsCompleted));
        Assert.Equal(2, _storage.Writes);
        _storage.ReleaseWrites();

        Assert.Equal(1, await first);
        Assert.Equal(Enumerable.Range(2, 99), (await Task.WhenAll(rest)).Order());
        Assert.Equal(3, _storage.Writes);
        await grain.Add(0);
        Assert.Equal(100, await grain.Value());
    }

    [Fact]
    public async Task SequentialChanges_EachGetTheirOwnWrite()
    {
        var grain = Grains.GetGrain<ICoalescingCounterGrain>("calm");

        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(i, await grain.Add(1));
        }

        Assert.Equal(5, _storage.Writes);
    }

    [Fact]
    public async Task FailedWrite_FailsTheCallersItCovered_AndTheGrainReloadsWhatWasDurable()
    {
        var grain = Grains.GetGrain<ICoalescingCounterGrain>("flaky");
        Assert.Equal(5, await grain.Add(5));
        _storage.FailNextWrites(1);

        var error = await Assert.ThrowsAsync<IOException>(() => grain.Add(1));

        Assert.Equal("disk on fire", error.Message);
        await Silo.WhenDeactivated(grain);
        Assert.Equal(5, await grain.Value());
        Assert.Equal(6, await grain.Add(1));
    }
}
