using Grains.Runtime.Tests.Grains;
using Grains.Runtime.Tests.Support;
using Grains.Storage;
using Grains.Streams;
using Grains.Testing;

namespace Grains.Runtime.Tests.Streams;

public abstract class StreamRecoveryTests : StreamTestBase
{
    [Fact]
    public async Task KilledMidStream_NextSiloResumesFromCheckpoint_NoEventLostNoneAppliedTwice()
    {
        var shared = NewSharedStores();
        await RestartStreamSiloAsync(shared);
        for (var i = 1; i <= 10; i++)
        {
            await AppendAsync(("m", $"m{i}"));
        }

        await Signals.WaitFor("applied:m", 10);
        shared.Time.Advance(TimeSpan.FromSeconds(1));
        await WaitForStatusAsync(s => s.Checkpointed == 10);
        for (var i = 11; i <= 20; i++)
        {
            await AppendAsync(("m", $"m{i}"));
        }

        await Signals.WaitFor("applied:m", 20);
        await RestartStreamSiloAsync(shared);
        for (var i = 21; i <= 25; i++)
        {
            await AppendAsync(("m", $"m{i}"));
        }

        await Signals.WaitFor("applied:m", 25);
        await Signals.WaitFor("duplicate:m", 10);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"m{i}"), await Grains.GetGrain<IProjectionGrain>("m").Applied());
        Assert.Equal(Enumerable.Range(11, 10).Select(i => $"m{i}"), Signals.Values("duplicate:m"));
    }

    [Fact]
    public async Task GracefulStop_CheckpointsEverything_SoTheNextSiloRedeliversNothing()
    {
        var shared = NewSharedStores();
        await RestartStreamSiloAsync(shared);
        await AppendAsync(("g", "g1"), ("g", "g2"), ("h", "h1"));
        await Signals.WaitFor("applied", 3);

        await Silo.StopAsync();
        Assert.Equal(3, (await shared.Checkpoints.ReadAsync("grains", 0))!.SequenceNumber);
        await RestartStreamSiloAsync(shared);
        await AppendAsync(("g", "g3"));

        await Signals.WaitFor("applied:g", 3);
        Assert.Equal(0, Signals.Count("duplicate:g"));
        Assert.Equal(0, Signals.Count("duplicate:h"));
    }

    [Fact]
    public async Task StopWhileADeliveryIsFailing_EndsWithoutWaitingForTheBackoff_AndTheEventIsRedeliveredAfterRestart()
    {
        var shared = NewSharedStores();
        await RestartStreamSiloAsync(shared);
        Behavior.Fail("f2", 1);
        await AppendAsync(("f", "f1"), ("f", "f2"), ("f", "f3"), ("e", "e1"));
        await Signals.WaitFor("applied:e");
        await Signals.WaitFor("failed:f2");

        // The back-off timer never fires (the clock stands still): the stop must not wait for it.
        await Silo.StopAsync();

        Assert.Equal(1, (await shared.Checkpoints.ReadAsync("grains", 0))!.SequenceNumber);
        Assert.Equal(0, await shared.DeadLetters.CountAsync());
        await RestartStreamSiloAsync(shared);
        await Signals.WaitFor("applied:f", 3);
        Assert.Equal(["f1", "f2", "f3"], await Grains.GetGrain<IProjectionGrain>("f").Applied());
        Assert.Equal(1, Signals.Count("failed:f2"));
    }

    [Fact]
    public async Task Retention_RemovesOnlyCheckpointedEventsOlderThanTheRetentionAge()
    {
        var shared = NewSharedStores();
        await RestartStreamSiloAsync(
            shared,
            o =>
            {
                o.RetentionAge = TimeSpan.FromMinutes(10);
                o.RetentionInterval = TimeSpan.FromMinutes(1);
            },
            o => o.ResponseTimeout = TimeSpan.FromHours(1));
        Behavior.Block("t3", "release-t3");
        await AppendAsync(("t", "t1"), ("t", "t2"), ("t", "t3"), ("t", "t4"));
        await Signals.WaitFor("blocked:t3");

        shared.Time.Advance(TimeSpan.FromMinutes(11));
        await WaitForStatusAsync(s => s.Checkpointed == 2);
        shared.Time.Advance(TimeSpan.FromMinutes(1));

        var info = await shared.Log.GetPartitionInfoAsync(0);
        Assert.Equal(3, info.FirstSequenceNumber);
        Gates.Open("release-t3");
        await Signals.WaitFor("applied:t", 4);
    }

    private static SharedStores NewSharedStores()
    {
        var time = new ManualTimeProvider();
        return new SharedStores(
            new MemoryStreamLog(1, time, TimeSpan.FromDays(7)),
            new MemoryCheckpointStore(time),
            new MemoryDeadLetterStore(),
            new MemoryGrainStorage(),
            time);
    }
}
