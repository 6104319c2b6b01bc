using System.Text;
using Grains.Runtime.Tests.Grains;
using Grains.Runtime.Tests.Support;
using Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Tests.State;

public abstract class PersistentStateTests : RuntimeTestBase
{
    [Fact]
    public async Task NewGrain_NothingStored_StartsFromNewStateWithoutRecord()
    {
        var grain = Grains.GetGrain<IStatefulGrain>("fresh");

        Assert.Equal(0, await grain.Value());
        Assert.False(await grain.RecordExists());
        Assert.Null(await grain.Etag());
    }

    [Fact]
    public async Task WrittenState_NextActivation_ReadsItBeforeOnActivate()
    {
        var grain = Grains.GetGrain<IStatefulGrain>("kept");
        await grain.Increment("one");
        await grain.Increment("two");

        await grain.Deactivate();
        await Silo.WhenDeactivated(grain);

        Assert.Equal(2, await grain.ValueSeenOnActivate());
        Assert.Equal(["one", "two"], await grain.History());
        Assert.True(await grain.RecordExists());
    }

    [Fact]
    public async Task EachWrite_ChangesTheEtag()
    {
        var grain = Grains.GetGrain<IStatefulGrain>("etags");

        await grain.Increment("a");
        var first = await grain.Etag();
        await grain.Increment("b");
        var second = await grain.Etag();

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task ClearState_RemovesRecordAndResetsState_ForThisAndNextActivation()
    {
        var grain = Grains.GetGrain<IStatefulGrain>("cleared");
        await grain.Increment("x");

        await grain.Clear();

        Assert.Equal(0, await grain.Value());
        Assert.False(await grain.RecordExists());
        await grain.Deactivate();
        await Silo.WhenDeactivated(grain);
        Assert.Equal(0, await grain.ValueSeenOnActivate());
        Assert.Equal(1, await grain.Increment("after clear"));
    }

    [Fact]
    public async Task StaleWrite_ThrowsInconsistentState_DeactivatesAndNextCallSeesStoredState()
    {
        var grain = Grains.GetGrain<IStatefulGrain>("raced");
        await grain.Increment("mine");
        var storage = Silo.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var key = GrainStateKey.For(grain.GetGrainId(), "counter");
        await storage.WriteAsync(key, Encoding.UTF8.GetBytes("""{"Value":41,"History":["theirs"]}"""), await grain.Etag());

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Increment("lost"));

        Assert.Contains("raced", error.Message);
        await Silo.WhenDeactivated(grain);
        Assert.Equal(42, await grain.Increment("after reload"));
        Assert.Equal(["theirs", "after reload"], await grain.History());
    }

    [Fact]
    public async Task StateInSharedStorage_SurvivesKillAndRestart()
    {
        var shared = new MemoryGrainStorage();
        await RestartSiloAsync(services: s => s.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Default, shared));
        await Grains.GetGrain<IStatefulGrain>("durable").Increment("before kill");

        await RestartSiloAsync(services: s => s.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Default, shared));

        Assert.Equal(1, await Grains.GetGrain<IStatefulGrain>("durable").ValueSeenOnActivate());
    }

    [Fact]
    public async Task GrainNamingUnknownStorage_FailsActivationNamingTheProvider()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Grains.GetGrain<IMissingStorageGrain>("m").Read());

        Assert.Contains("'nowhere'", error.Message);
        Assert.Equal(0, Silo.ActivationCount);
    }
}
