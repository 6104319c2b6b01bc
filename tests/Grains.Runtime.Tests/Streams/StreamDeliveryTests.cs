using Grains.Runtime.Tests.Grains;
using Grains.Runtime.Tests.Support;
using Grains.Streams;

namespace Grains.Runtime.Tests.Streams;

public abstract class StreamDeliveryTests : StreamTestBase
{
    [Fact]
    public async Task Events_ReachTheGrainOfTheirKey_InLogOrder()
    {
        for (var i = 1; i <= 20; i++)
        {
            await AppendAsync(("a", $"a{i}"), ("b", $"b{i}"));
        }

        await Signals.WaitFor("applied:a", 20);
        await Signals.WaitFor("applied:b", 20);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"a{i}"), await Grains.GetGrain<IProjectionGrain>("a").Applied());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"b{i}"), await Grains.GetGrain<IProjectionGrain>("b").Applied());
    }

    [Fact]
    public async Task EveryGrainTypeSubscribedToTheNamespace_GetsEachEvent()
    {
        await AppendAsync(("o-7", "created"), ("o-7", "paid"));

        await Signals.WaitFor("audited:o-7", 2);
        await Signals.WaitFor("applied:o-7", 2);

        Assert.Equal(["created", "paid"], Signals.Values("audited:o-7"));
    }

    [Fact]
    public async Task BlockedKey_DoesNotHoldBackOtherKeys_AndKeepsItsOwnOrder()
    {
        Behavior.Block("a1", "release-a1");
        await AppendAsync(("a", "a1"), ("b", "b1"), ("a", "a2"), ("b", "b2"));

        await Signals.WaitFor("applied:b", 2);
        Assert.Equal(0, Signals.Count("applied:a"));
        Gates.Open("release-a1");

        await Signals.WaitFor("applied:a", 2);
        Assert.Equal(["a1", "a2"], await Grains.GetGrain<IProjectionGrain>("a").Applied());
    }

    [Fact]
    public async Task ReadingPausesAtTheInFlightBound_AndNothingIsDropped()
    {
        await RestartStreamSiloAsync(null, o =>
        {
            o.MaxEventsInFlight = 4;
            o.BatchSize = 2;
        });
        Behavior.Block("k1", "release-k1");
        await AppendAsync([.. Enumerable.Range(1, 10).Select(i => ("k", $"k{i}"))]);

        await Signals.WaitFor("blocked:k1");
        await WaitForStatusAsync(s => s.LastRead == 4);
        var held = await StatusAsync();
        Gates.Open("release-k1");

        await Signals.WaitFor("applied:k", 10);
        Assert.Equal(4, held.InFlight);
        Assert.Equal(10, held.LastSequenceNumber);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"k{i}"), await Grains.GetGrain<IProjectionGrain>("k").Applied());
    }

    [Fact]
    public async Task FailingDelivery_IsRetriedWithBackoff_ThenApplied()
    {
        Behavior.Fail("r1", 2);
        await AppendAsync(("r", "r1"));

        await AdvanceThroughFailuresAsync("r1", 2);

        await Signals.WaitFor("applied:r");
        Assert.Equal(0, await DeadLetters.CountAsync());
    }

    [Fact]
    public async Task DeliveryFailingEveryAttempt_IsDeadLettered_AndTheKeyMovesOn()
    {
        Behavior.Fail("d1", int.MaxValue);
        await AppendAsync(("d", "d1"), ("d", "d2"));

        await AdvanceThroughFailuresAsync("d1", 2);
        await Signals.WaitFor("applied:d");

        var letter = Assert.Single(await DeadLetters.ListAsync(10));
        Assert.Equal("projection", letter.GrainType);
        Assert.Equal("d", letter.Event.Key);
        Assert.Equal(1, letter.Event.SequenceNumber);
        Assert.Equal(typeof(InvalidOperationException).FullName, letter.ErrorType);
        Assert.Equal("cannot apply d1", letter.ErrorMessage);
        Assert.Equal(3, letter.Attempts);
        Assert.Equal(["d2"], await Grains.GetGrain<IProjectionGrain>("d").Applied());
    }

    [Fact]
    public async Task NonTransientFailure_IsDeadLetteredAtOnce_WithoutRetries()
    {
        Behavior.Reject("n1");
        await AppendAsync(("n", "n1"), ("n", "n2"));

        await Signals.WaitFor("applied:n");

        var letter = Assert.Single(await DeadLetters.ListAsync(10));
        Assert.Equal(typeof(RejectedEventException).FullName, letter.ErrorType);
        Assert.Equal("n1 breaks a rule", letter.ErrorMessage);
        Assert.Equal(1, letter.Attempts);
        Assert.Equal(1, Signals.Count("failed:n1"));
        Assert.Equal(["n2"], await Grains.GetGrain<IProjectionGrain>("n").Applied());
    }

    [Fact]
    public async Task DeadLetter_Replayed_IsAppliedAndRemoved()
    {
        Behavior.Fail("x1", 3);
        await AppendAsync(("x", "x1"));
        await AdvanceThroughFailuresAsync("x1", 2);
        await Signals.WaitFor("failed:x1", 3);
        await WaitForStatusAsync(s => s.Delivered == 1);
        var letter = Assert.Single(await DeadLetters.ListAsync(10));

        Assert.True(await Monitor.ReplayDeadLetterAsync(letter.Id));

        Assert.Equal(["x1"], await Grains.GetGrain<IProjectionGrain>("x").Applied());
        Assert.Equal(0, await DeadLetters.CountAsync());
    }

    [Fact]
    public async Task ReplayOfUnknownDeadLetter_ReportsNotFound()
    {
        Assert.False(await Monitor.ReplayDeadLetterAsync("nope"));
    }

    [Fact]
    public async Task Checkpoint_IsTheLowWatermark_NeverPastAnUndeliveredEvent()
    {
        Behavior.Block("w2", "release-w2");
        await AppendAsync(("w", "w1"), ("v", "v1"), ("w", "w2"), ("v", "v2"), ("v", "v3"));
        await Signals.WaitFor("applied:v", 3);
        await Signals.WaitFor("blocked:w2");

        Silo.Time.Advance(TimeSpan.FromSeconds(1));
        await WaitForStatusAsync(s => s.Checkpointed == 2);
        Gates.Open("release-w2");
        await Signals.WaitFor("applied:w", 2);
        Silo.Time.Advance(TimeSpan.FromSeconds(1));

        await WaitForStatusAsync(s => s.Checkpointed == 5);
        Assert.Equal(5, (await Checkpoints.ReadAsync("grains", 0))!.SequenceNumber);
    }

    [Fact]
    public async Task EventsOfANamespaceWithoutSubscribers_AreStillCheckpointed()
    {
        await Log.AppendAsync([new StreamEventData("audit", "k", "a-1", new byte[] { 1 })]);

        await WaitForStatusAsync(s => s.Delivered == 1);
        Silo.Time.Advance(TimeSpan.FromSeconds(1));

        await WaitForStatusAsync(s => s.Checkpointed == 1);
    }
}
