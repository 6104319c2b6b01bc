using Fulfillment.ReadModels.Projection;

namespace Fulfillment.ReadModels.Tests;

/// <summary>
/// Which marks the sweep may drop: only an order whose every published change was projected, idle long enough, and —
/// for a mark found at start or taken over from another writer — projected again from its grain.
/// </summary>
public sealed class OrderMarksTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(10);

    private readonly OrderMarks _marks = new();

    [Fact]
    public void Published_NewOrder_IsNotDurableUntilACommitMarksIt()
    {
        Assert.False(_marks.Published("o-1", 1, Start));

        _marks.Committed([Order("o-1", 1)], Start);

        Assert.True(_marks.Published("o-1", 2, Start));
    }

    [Fact]
    public void Sweep_ProjectedAndIdle_DropsTheMarkOnce()
    {
        _marks.Published("o-1", 1, Start);
        _marks.Committed([Order("o-1", 1)], Start);

        _marks.Sweep(Start + Idle - TimeSpan.FromTicks(1), Idle);
        Assert.Empty(_marks.TakeUnmarks());
        _marks.Sweep(Start + Idle, Idle);

        Assert.Equal(["o-1"], _marks.TakeUnmarks());
        Assert.Empty(_marks.TakeUnmarks());
        Assert.Equal(0, _marks.Count);
    }

    [Fact]
    public void Sweep_PublishedVersionNotProjectedYet_KeepsTheMark()
    {
        _marks.Published("o-1", 1, Start);
        _marks.Committed([Order("o-1", 1)], Start);
        _marks.Published("o-1", 2, Start);

        _marks.Sweep(Start + Idle, Idle);

        Assert.Empty(_marks.TakeUnmarks());
    }

    [Fact]
    public void Sweep_AdoptedMark_KeptUntilRecoveredThenDropped()
    {
        _marks.Adopt(["o-1", "o-2"], Start);

        _marks.Sweep(Start + Idle, Idle);
        Assert.Empty(_marks.TakeUnmarks());
        _marks.Recovered("o-2");
        _marks.Sweep(Start + Idle, Idle);

        Assert.Equal(["o-2"], _marks.TakeUnmarks());
        Assert.Equal(["o-1"], _marks.AwaitingRecovery());
    }

    [Fact]
    public void Adopt_AdoptedMark_IsDurableForPublishers()
    {
        _marks.Adopt(["o-1"], Start);

        Assert.True(_marks.Published("o-1", 7, Start));
    }

    [Fact]
    public void Adopt_OrderThisProcessAlreadyProjected_KeepsItsVersionsAndAwaitsRecovery()
    {
        _marks.Published("o-1", 3, Start);
        _marks.Committed([Order("o-1", 3)], Start);

        _marks.Adopt(["o-1"], Start);
        _marks.Sweep(Start + Idle, Idle);
        Assert.Empty(_marks.TakeUnmarks());
        _marks.Published("o-1", 4, Start);
        _marks.Recovered("o-1");
        _marks.Sweep(Start + Idle, Idle);
        Assert.Empty(_marks.TakeUnmarks());
        _marks.Committed([Order("o-1", 4)], Start);
        _marks.Sweep(Start + Idle, Idle);

        Assert.Equal(["o-1"], _marks.TakeUnmarks());
    }

    [Fact]
    public void AwaitingRecovery_ListsAdoptedOrdersNotRecoveredInOrdinalOrder()
    {
        _marks.Adopt(["o-b", "o-a", "O-c"], Start);
        _marks.Recovered("o-b");
        _marks.Recovered("o-unknown");

        Assert.Equal(["O-c", "o-a"], _marks.AwaitingRecovery());
    }

    private static OrderRow Order(string orderId, long version) =>
        new(orderId, "c-1", "created", null, null, null, Start, "on_track", null, null, Start, version);
}
