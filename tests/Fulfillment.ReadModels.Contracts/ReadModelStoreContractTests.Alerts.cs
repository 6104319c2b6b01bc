using Xunit;
using static Fulfillment.ReadModels.Contracts.ReadModelRows;

namespace Fulfillment.ReadModels.Contracts;

public abstract partial class ReadModelStoreContractTests
{
    [Fact]
    public async Task ApplyAsync_NewAlerts_ReturnedInBatchOrderNumberedFromOne()
    {
        AlertRow[] alerts = [Alert("o-2"), Alert("o-1", kind: "sla_at_risk"), Alert("o-3", status: "resolved")];

        var changed = await ApplyAsync(Batch(alerts: alerts));

        Assert.Equal([alerts[0] with { FeedSequence = 1 }, alerts[1] with { FeedSequence = 2 }, alerts[2] with { FeedSequence = 3 }], changed);
    }

    [Fact]
    public async Task ApplyAsync_AlertWithEveryField_ListReturnsItExactlyInUtc()
    {
        var alert = Alert("o-1", status: "resolved", carrier: "ups", version: 3);

        await ApplyAsync(Batch(alerts: [alert]));

        var listed = Assert.Single(await ListAlertsAsync());
        Assert.Equal(alert with { FeedSequence = 1 }, listed);
        Assert.Equal(
            (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, alert.RaisedAt.UtcTicks, alert.ResolvedAt!.Value.UtcTicks, alert.DueAt.UtcTicks),
            (listed.RaisedAt.Offset, listed.ResolvedAt!.Value.Offset, listed.DueAt.Offset, listed.RaisedAt.UtcTicks, listed.ResolvedAt.Value.UtcTicks, listed.DueAt.UtcTicks));
    }

    [Fact]
    public async Task ApplyAsync_AlertAtHigherVersion_ReplacesItWithTheNextSequence()
    {
        await ApplyAsync(Batch(alerts: [Alert("o-1"), Alert("o-2")]));
        var resolved = Alert("o-1", version: 2, status: "resolved");

        var changed = await ApplyAsync(Batch(alerts: [resolved]));

        Assert.Equal([resolved with { FeedSequence = 3 }], changed);
        Assert.Equal("o-2:pick_to_pack_stall#2 o-1:pick_to_pack_stall#3", Sequenced(await AlertsAfterAsync(0)));
        Assert.Equal(resolved with { FeedSequence = 3 }, (await ListAlertsAsync("resolved")).Single());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public async Task ApplyAsync_AlertAtEqualOrLowerVersion_NotReturnedAndTakesNoSequence(long version)
    {
        var stored = Alert("o-1", version: 2);
        await ApplyAsync(Batch(alerts: [stored]));

        var changed = await ApplyAsync(Batch(alerts: [Alert("o-1", version: version, status: "resolved")]));

        Assert.Empty(changed);
        Assert.Equal([stored with { FeedSequence = 1 }], await ListAlertsAsync());
        Assert.Equal("o-2:pick_to_pack_stall#2", Sequenced(await ApplyAsync(Batch(alerts: [Alert("o-2")]))));
    }

    [Fact]
    public async Task ApplyAsync_BatchWithStaleAndNewAlerts_NumbersOnlyTheChangedInBatchOrder()
    {
        await ApplyAsync(Batch(alerts: [Alert("o-1", version: 2)]));

        var changed = await ApplyAsync(Batch(alerts: [Alert("o-3"), Alert("o-1", version: 1), Alert("o-2")]));

        Assert.Equal("o-3:pick_to_pack_stall#2 o-2:pick_to_pack_stall#3", Sequenced(changed));
    }

    [Fact]
    public async Task ApplyAsync_OrdersAndAlertsInOneBatch_BothWritten()
    {
        var changed = await ApplyAsync(Batch([Order("o-1")], [Alert("o-1")], mark: ["o-1"]));

        Assert.Equal("o-1:pick_to_pack_stall#1", Sequenced(changed));
        Assert.Equal("o-1", Ids(await ListOrdersAsync()));
        Assert.Equal(["o-1"], await MarkedOrdersAsync());
    }

    /// <summary>o-1 open raised at minute 1, o-2 resolved at 2, o-3 open at 3, o-4 open at 3 (a tie: ids break it).</summary>
    [Theory]
    [InlineData(null, 500, "o-3:pick_to_pack_stall o-4:pick_to_pack_stall o-2:pick_to_pack_stall o-1:pick_to_pack_stall")]
    [InlineData("open", 500, "o-3:pick_to_pack_stall o-4:pick_to_pack_stall o-1:pick_to_pack_stall")]
    [InlineData("resolved", 500, "o-2:pick_to_pack_stall")]
    [InlineData("Open", 500, "")]
    [InlineData(null, 2, "o-3:pick_to_pack_stall o-4:pick_to_pack_stall")]
    [InlineData("open", 1, "o-3:pick_to_pack_stall")]
    public async Task ListAlertsAsync_Status_ReturnsOnlyThatStatusMostRecentlyRaisedFirst(string? status, int limit, string expected)
    {
        await ApplyAsync(Batch(alerts: [Alert("o-4", raisedMinute: 3), Alert("o-1", raisedMinute: 1), Alert("o-2", status: "resolved", raisedMinute: 2), Alert("o-3", raisedMinute: 3)]));

        Assert.Equal(expected, Ids(await ListAlertsAsync(status, limit)));
    }

    [Fact]
    public async Task AlertsAfterAsync_GivenSequence_ReturnsLaterChangesInFeedOrderUpToTheLimit()
    {
        await ApplyAsync(Batch(alerts: [Alert("o-1"), Alert("o-2"), Alert("o-3")]));
        await ApplyAsync(Batch(alerts: [Alert("o-4"), Alert("o-5")]));

        Assert.Equal("o-3:pick_to_pack_stall#3 o-4:pick_to_pack_stall#4", Sequenced(await AlertsAfterAsync(2, limit: 2)));
        Assert.Equal("o-5:pick_to_pack_stall#5", Sequenced(await AlertsAfterAsync(4)));
        Assert.Empty(await AlertsAfterAsync(5));
        Assert.Empty(await AlertsAfterAsync(long.MaxValue));
        Assert.Equal(5, (await AlertsAfterAsync(0)).Count);
    }

    [Fact]
    public async Task AlertsAfterAsync_AlertChangedTwice_AppearsOnceAtItsLastSequence()
    {
        await ApplyAsync(Batch(alerts: [Alert("o-1"), Alert("o-2")]));
        await ApplyAsync(Batch(alerts: [Alert("o-1", version: 2, status: "resolved")]));
        await ApplyAsync(Batch(alerts: [Alert("o-1", version: 3)]));

        Assert.Equal("o-2:pick_to_pack_stall#2 o-1:pick_to_pack_stall#4", Sequenced(await AlertsAfterAsync(0)));
        Assert.Equal("o-1:pick_to_pack_stall#4", Sequenced(await AlertsAfterAsync(2)));
    }

    [Fact]
    public async Task AlertsAfterAsync_EmptyStore_ReturnsNothing()
    {
        Assert.Empty(await AlertsAfterAsync(0));
    }

    [Fact]
    public async Task LastFeedSequenceAsync_FollowsTheLastChangeCommittedAndSurvivesReopen()
    {
        Assert.Equal(0, await Store.LastFeedSequenceAsync(CancellationToken.None));
        await ApplyAsync(Batch(alerts: [Alert("o-1"), Alert("o-2")]));
        await ApplyAsync(Batch(alerts: [Alert("o-1")]));
        Assert.Equal(2, await Store.LastFeedSequenceAsync(CancellationToken.None));
        await ApplyAsync(Batch(alerts: [Alert("o-1", version: 2)]));

        await ReopenAsync();

        Assert.Equal(3, await Store.LastFeedSequenceAsync(CancellationToken.None));
    }
}
