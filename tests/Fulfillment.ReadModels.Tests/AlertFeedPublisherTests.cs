using Fulfillment.ReadModels.Feed;

namespace Fulfillment.ReadModels.Tests;

/// <summary>
/// The live feed in sequence order with nothing skipped: this process's commits go out at once when they follow the
/// last change published; changes another process committed in between are read from the store, in order, first.
/// </summary>
public sealed class AlertFeedPublisherTests : IDisposable
{
    private readonly FakeReadModelStore _store = new();
    private readonly AlertFeed _feed = new();
    private readonly AlertSubscription _subscription;
    private readonly AlertFeedPublisher _publisher;

    public AlertFeedPublisherTests()
    {
        _subscription = _feed.Subscribe();
        _publisher = new AlertFeedPublisher(_feed, _store);
    }

    public void Dispose() => _subscription.Dispose();

    [Fact]
    public void Committed_FollowingTheLastPublished_GoesOutAtOnceWithoutReadingTheStore()
    {
        _publisher.Start(4);

        _publisher.Committed([Alert("a", 5), Alert("b", 6)]);
        _publisher.Committed([Alert("c", 7)]);

        Assert.Equal("a#5 b#6 c#7", Received());
        Assert.Equal((7L, 0), (_publisher.Published, _store.FeedReads));
        Assert.False(_publisher.WaitUntilBehindAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task Committed_AfterAnotherProcessCommitted_WaitsForTheCatchUpWhichPublishesAllInOrder()
    {
        _publisher.Start(4);
        _store.Commit(Alert("x", 5), Alert("y", 6));
        _store.Commit(Alert("a", 7));

        _publisher.Committed([Alert("a", 7)]);
        Assert.Equal(string.Empty, Received());
        await _publisher.WaitUntilBehindAsync(CancellationToken.None);
        await _publisher.CatchUpAsync(CancellationToken.None);

        Assert.Equal("x#5 y#6 a#7", Received());
        _publisher.Committed([Alert("b", 8)]);
        Assert.Equal("b#8", Received());
    }

    [Fact]
    public async Task CatchUpAsync_AlertChangedAgain_PublishesItsLastChangeOnly()
    {
        _publisher.Start(0);
        _store.Commit(Alert("x", 1), Alert("y", 2));
        _store.Commit(Alert("x", 3));

        await _publisher.CatchUpAsync(CancellationToken.None);

        Assert.Equal("y#2 x#3", Received());
    }

    [Fact]
    public async Task CatchUpAsync_ChangesPublishedMeanwhile_AreNotRepeated()
    {
        _publisher.Start(0);
        _store.Commit(Alert("a", 1), Alert("b", 2));
        _publisher.Committed([Alert("a", 1), Alert("b", 2)]);

        await _publisher.CatchUpAsync(CancellationToken.None);
        _publisher.Committed([Alert("a", 1), Alert("b", 2)]);

        Assert.Equal("a#1 b#2", Received());
    }

    [Fact]
    public async Task CatchUpAsync_MoreThanAPage_ReadsOnUntilTheEnd()
    {
        const int Changes = AlertFeedPublisher.CatchUpPage + 3;
        _publisher.Start(0);
        _store.Commit([.. Enumerable.Range(1, Changes).Select(i => Alert($"a{i}", i))]);

        await _publisher.CatchUpAsync(CancellationToken.None);

        Assert.Equal((long)Changes, _publisher.Published);
        Assert.Equal(2, _store.FeedReads);
    }

    private static AlertRow Alert(string alertId, long feedSequence) =>
        new(alertId, "o-1", "pick_to_pack_stall", "open", DateTimeOffset.UnixEpoch, null, DateTimeOffset.UnixEpoch, null, null, 1, feedSequence);

    private string Received()
    {
        var received = new List<string>();
        while (_subscription.Reader.TryRead(out var alert))
        {
            received.Add($"{alert.AlertId}#{alert.FeedSequence}");
        }

        return string.Join(' ', received);
    }
}
