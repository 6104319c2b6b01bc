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
        _publisher.Publish(Row(1));
        _publisher.Publish(Row(2));
        _publisher.Publish(Row(3));
        _publisher.Publish(Row(4));

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
        _publisher.Publish(Row(5));
        _sends[0].Done.SetResult();

        _publisher.Publish(Row(5));
        _publisher.Publish(Row(4));

        Assert.Single(_sends);
    }

    [Fact]
    public void FailedPush_IsRetriedWithTheNewestRow()
    {
        InlineContinuations.Enter();
        _publisher.Publish(Row(1));
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
        _publisher.Publish(Row(1));
        _sends[0].Done.SetException(new TimeoutException("view busy"));
        _publisher.Publish(Row(2));
        _sends[1].Done.SetResult();

        _publisher.Retry();

        Assert.Equal([1L, 2L], _sends.Select(s => s.Row.Version));
    }

    private static InventoryRow Row(long version) => new("WH-EAST", "SKU-1", 10, 0, 0, 0, version, DateTimeOffset.UnixEpoch);
}
