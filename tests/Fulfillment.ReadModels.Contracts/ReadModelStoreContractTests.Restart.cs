using Xunit;
using static Fulfillment.ReadModels.Contracts.ReadModelRows;

namespace Fulfillment.ReadModels.Contracts;

public abstract partial class ReadModelStoreContractTests
{
    [Fact]
    public async Task Reopen_KeepsOrdersAlertsAndMarks()
    {
        await ApplyAsync(Batch([Order("o-1", version: 2, stage: "picked"), Order("o-2")], [Alert("o-1"), Alert("o-2", status: "resolved")], mark: ["o-1", "o-2"]));
        await ApplyAsync(Batch(unmark: ["o-2"]));
        var orders = await ListOrdersAsync();
        var alerts = await ListAlertsAsync();

        await ReopenAsync();

        Assert.Equal(orders, await ListOrdersAsync());
        Assert.Equal(alerts, await ListAlertsAsync());
        Assert.Equal(["o-1"], await MarkedOrdersAsync());
    }

    [Fact]
    public async Task Reopen_NextAlertChangeContinuesTheFeedSequence()
    {
        await ApplyAsync(Batch(alerts: [Alert("o-1"), Alert("o-2")]));

        await ReopenAsync();
        var changed = await ApplyAsync(Batch(alerts: [Alert("o-1", version: 2, status: "resolved"), Alert("o-3")]));

        Assert.Equal("o-1:pick_to_pack_stall#3 o-3:pick_to_pack_stall#4", Sequenced(changed));
        Assert.Equal("o-1:pick_to_pack_stall#3 o-3:pick_to_pack_stall#4", Sequenced(await AlertsAfterAsync(2)));
    }

    [Fact]
    public async Task Reopen_StoredVersionsStillWin()
    {
        await ApplyAsync(Batch([Order("o-1", version: 5)], [Alert("o-1", version: 5)]));

        await ReopenAsync();
        var changed = await ApplyAsync(Batch([Order("o-1", version: 4, stage: "picked")], [Alert("o-1", version: 4, status: "resolved")]));

        Assert.Empty(changed);
        Assert.Equal([Order("o-1", version: 5)], await ListOrdersAsync());
        Assert.Equal([Alert("o-1", version: 5) with { FeedSequence = 1 }], await ListAlertsAsync());
    }

    [Fact]
    public async Task Reopen_AfterEveryMarkDropped_NoMarksLeft()
    {
        await ApplyAsync(Batch(mark: ["o-1"]));
        await ApplyAsync(Batch(unmark: ["o-1"]));

        await ReopenAsync();

        Assert.Empty(await MarkedOrdersAsync());
    }
}
