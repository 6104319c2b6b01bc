using Fulfillment.Contracts.Warehouses;
using Fulfillment.Grains.Warehouses;

namespace Fulfillment.Grains.Tests.Readers;

public sealed class WarehouseStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Backlog_CountsEachOpenOrderAtItsCurrentStage()
    {
        var state = new WarehouseState();

        state.Apply(Report("o-1", 1, "allocated"), T0);
        state.Apply(Report("o-1", 2, "picked"), T0);
        state.Apply(Report("o-2", 1, "picked"), T0);
        state.Apply(Report("o-3", 1, "failed"), T0);
        state.Apply(Report("o-4", 1, "delivered") with { Closed = true }, T0);

        Assert.Equal([new StageCount("picked", 2), new StageCount("failed", 1)], state.ToPerformance("WH-EAST").Backlog);
    }

    [Fact]
    public void Backlog_RebuiltFromTheStoredOrders_MatchesTheIncrementalOne()
    {
        var state = new WarehouseState();
        state.Apply(Report("o-1", 1, "picked"), T0);
        state.Apply(Report("o-2", 1, "packed") with { OpenStall = "pick_to_pack_stall", StalledSince = T0 }, T0);
        var reloaded = new WarehouseState { Open = state.Open, Samples = state.Samples, UpdatedAt = state.UpdatedAt };

        state.Apply(Report("o-1", 2, "packed"), T0);
        reloaded.Apply(Report("o-1", 2, "packed"), T0);

        Assert.Equal(state.ToPerformance("WH-EAST").Backlog, reloaded.ToPerformance("WH-EAST").Backlog);
        Assert.Equal(state.ToPerformance("WH-EAST").StuckOrders, reloaded.ToPerformance("WH-EAST").StuckOrders);
        Assert.Equal([new StageCount("packed", 2)], reloaded.ToPerformance("WH-EAST").Backlog);
    }

    [Fact]
    public void Report_SameVersion_OrClosedOrder_ChangesNothing()
    {
        var state = new WarehouseState();
        state.Apply(Report("o-1", 1, "picked"), T0);
        state.Apply(Report("o-2", 3, "cancelled") with { Closed = true }, T0);

        Assert.False(state.Apply(Report("o-1", 1, "packed"), T0));
        Assert.False(state.Apply(Report("o-2", 4, "picked"), T0));
        Assert.Equal([new StageCount("picked", 1)], state.ToPerformance("WH-EAST").Backlog);
    }

    [Fact]
    public void StuckOrders_AreTheOpenStalls_OldestFirst_UntilTheOrderMovesOn()
    {
        var state = new WarehouseState();
        state.Apply(Report("o-1", 1, "picked") with { OpenStall = "pick_to_pack_stall", StalledSince = T0.AddMinutes(5) }, T0);
        state.Apply(Report("o-2", 1, "labeled") with { OpenStall = "label_to_scan_stall", StalledSince = T0 }, T0);

        Assert.Equal(
            [new StuckOrder("o-2", "label_to_scan_stall", T0), new StuckOrder("o-1", "pick_to_pack_stall", T0.AddMinutes(5))],
            state.ToPerformance("WH-EAST").StuckOrders);

        state.Apply(Report("o-1", 2, "packed"), T0);

        Assert.Equal([new StuckOrder("o-2", "label_to_scan_stall", T0)], state.ToPerformance("WH-EAST").StuckOrders);
    }

    [Fact]
    public void PickToPack_OneSamplePerOrder_CorrectedInPlace_AndMovedAwayWithTheOrder()
    {
        var state = new WarehouseState();
        state.Apply(Report("o-1", 1, "packed", 12), T0);
        state.Apply(Report("o-2", 1, "packed", 30), T0);
        state.Apply(Report("o-1", 2, "packed", 10), T0);
        state.Apply(Report("o-3", 1, "packed", 50), T0);

        state.Apply(Report("o-3", 2, null), T0);

        var performance = state.ToPerformance("WH-EAST");
        Assert.Equal((10.0, 30.0, 2), (performance.PickToPackP50Minutes, performance.PickToPackP90Minutes, performance.PickToPackSamples));
    }

    [Fact]
    public void PickToPack_KeepsTheMostRecentSamplesOnly()
    {
        var state = new WarehouseState();

        for (var i = 0; i < WarehouseState.MaxSamples + 10; i++)
        {
            state.Apply(Report($"o-{i}", 1, "packed", i), T0);
        }

        Assert.Equal(WarehouseState.MaxSamples, state.Samples.Count);
        Assert.Equal(10.0, state.Samples[0].Minutes);
    }

    private static WarehouseOrderReport Report(string orderId, long version, string? stage, double? pickToPack = null) =>
        new(orderId, version, stage, pickToPack, null, null, Closed: false);
}
