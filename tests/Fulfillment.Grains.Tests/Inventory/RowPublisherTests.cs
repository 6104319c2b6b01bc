using Fulfillment.Contracts.Inventory;
using Fulfillment.Grains.Inventory;
using Fulfillment.Grains.Tests.Support;

namespace Fulfillment.Grains.Tests.Inventory;

public sealed class RowPublisherTests
{
    private readonly List<(InventoryRow Row, TaskCompletionSource Done)> _sends = [];
    private readonly List<long> _failures = [];
    private int _retriesScheduled;
    private readonly RowPublisher _publisher;

    public RowPublisherTests()
    {
        _publisher = new RowPublisher(
            row =>
            {
                var done = new TaskCompletionSource();
                _sends.Add((row, done));
                return done.Task;
            },
            (row, _) => _failures.Add(row.Version),
            () => _retriesScheduled++);
    }

    [Fact]
    public void Publish_WhileAPushIsInFlight_SendsOnlyTheNewestNext()
    {
        InlineContinuations.Enter();
        _ = _publisher.Publish(Row(1));
        _ = _publisher.Publish(Row(2));
        _ = _publisher.Publish(Row(3));
        _ = _publisher.Publish(Row(4));

        Assert.Single(_sends);
        _sends[0].Done.SetResult();
        _sends[1].Done.SetResult();

        Assert.Equal([1L, 4L], _sends.Select(s => s.Row.Version));
        Assert.Equal(2, _publisher.Sent);
    }

    [Fact]
    public void Publish_OlderOrSameVersion_IsNotSent()
    {
        InlineContinuations.Enter();
        _ = _publisher.Publish(Row(5));
        _sends[0].Done.SetResult();

        _ = _publisher.Publish(Row(5));
        _ = _publisher.Publish(Row(4));

        Assert.Single(_sends);
    }

    [Fact]
    public void FailedPush_IsRetriedWithTheNewestRow()
    {
        InlineContinuations.Enter();
        _ = _publisher.Publish(Row(1));
        _sends[0].Done.SetException(new TimeoutException("view busy"));
        Assert.Equal([1L], _failures);
        Assert.Equal(1, _retriesScheduled);

        _publisher.Retry();
        _sends[1].Done.SetResult();

        Assert.Equal([1L, 1L], _sends.Select(s => s.Row.Version));
        Assert.Equal(1, _publisher.Sent);
    }

    [Fact]
    public void FailedPush_OvertakenByANewerRow_IsNotRetried()
    {
        InlineContinuations.Enter();
        _ = _publisher.Publish(Row(1));
        _sends[0].Done.SetException(new TimeoutException("view busy"));
        _ = _publisher.Publish(Row(2));
        _sends[1].Done.SetResult();

        _publisher.Retry();

        Assert.Equal([1L, 2L], _sends.Select(s => s.Row.Version));
    }

    [Fact]
    public void Publish_CompletesOnceTheViewHasTheRowOrANewerOne()
    {
        InlineContinuations.Enter();
        var first = _publisher.Publish(Row(1));
        var second = _publisher.Publish(Row(2));
        var third = _publisher.Publish(Row(3));
        Assert.False(first.IsCompleted);

        _sends[0].Done.SetResult();
        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);

        _sends[1].Done.SetResult();
        Assert.True(second.IsCompletedSuccessfully);
        Assert.True(third.IsCompletedSuccessfully);
        Assert.True(_publisher.Publish(Row(2)).IsCompletedSuccessfully);
    }

    [Fact]
    public void Publish_WhenThePushFails_CompletesWithoutFaulting()
    {
        InlineContinuations.Enter();
        var pushed = _publisher.Publish(Row(1));

        _sends[0].Done.SetException(new TimeoutException("view busy"));

        Assert.True(pushed.IsCompletedSuccessfully);
        Assert.Equal(1, _retriesScheduled);
    }

    private static InventoryRow Row(long version) => new("WH-EAST", "SKU-1", 10, 0, 0, 0, version, DateTimeOffset.UnixEpoch);
}
