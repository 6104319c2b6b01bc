using Xunit;
using static Fulfillment.ReadModels.Contracts.ReadModelRows;

namespace Fulfillment.ReadModels.Contracts;

public abstract partial class ReadModelStoreContractTests
{
    [Fact]
    public async Task MarkedOrdersAsync_NewStore_ReturnsNothing()
    {
        Assert.Empty(await MarkedOrdersAsync());
    }

    [Fact]
    public async Task ApplyAsync_Mark_ListsEachMarkedOrderOnceInOrdinalOrder()
    {
        await ApplyAsync(Batch(mark: ["o-2", "o-10", "O-1"]));
        await ApplyAsync(Batch(mark: ["o-2"]));

        Assert.Equal(["O-1", "o-10", "o-2"], await MarkedOrdersAsync());
    }

    [Fact]
    public async Task ApplyAsync_Unmark_DropsThoseMarksOnlyAndIgnoresUnknownOnes()
    {
        await ApplyAsync(Batch(mark: ["o-1", "o-2", "o-3"]));

        await ApplyAsync(Batch(unmark: ["o-1", "o-3", "o-9"]));

        Assert.Equal(["o-2"], await MarkedOrdersAsync());
    }

    [Fact]
    public async Task ApplyAsync_OrderUnmarkedAndMarkedInOneBatch_StaysMarked()
    {
        await ApplyAsync(Batch(mark: ["o-1", "o-2"]));

        await ApplyAsync(Batch(mark: ["o-1"], unmark: ["o-1", "o-2"]));

        Assert.Equal(["o-1"], await MarkedOrdersAsync());
    }

    [Fact]
    public async Task ApplyAsync_MarksOnly_WritesNoOrderOrAlert()
    {
        var changed = await ApplyAsync(Batch(mark: ["o-1"]));

        Assert.Empty(changed);
        Assert.Empty(await ListOrdersAsync());
        Assert.Empty(await ListAlertsAsync());
    }

    [Fact]
    public async Task ApplyAsync_EmptyBatch_ChangesNothing()
    {
        await ApplyAsync(Batch([Order("o-1")], [Alert("o-1")], mark: ["o-1"]));

        Assert.Empty(await ApplyAsync(Batch()));

        Assert.Equal(("o-1", "o-1:pick_to_pack_stall#1", "o-1"), (Ids(await ListOrdersAsync()), Sequenced(await ListAlertsAsync()), string.Join(' ', await MarkedOrdersAsync())));
    }

    [Fact]
    public async Task TakeOverStoppedWritersAsync_NoOtherWriterStopped_ReturnsNothingAndKeepsTheMarks()
    {
        await ApplyAsync(Batch(mark: ["o-1"]));
        await ReopenAsync();

        Assert.Empty(await Store.TakeOverStoppedWritersAsync(CancellationToken.None));
        Assert.Equal(["o-1"], await MarkedOrdersAsync());
    }
}
