using Fulfillment.Contracts.Carriers;
using Fulfillment.Grains.Carriers;

namespace Fulfillment.Grains.Tests.Readers;

public sealed class CarrierStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Report_ReplacesTheOrdersContribution()
    {
        var state = new CarrierState();

        state.Apply(Report("o-1", 1, pickToPack: 10), T0);
        state.Apply(Report("o-1", 2, pickToPack: 20, labelToScan: 60), T0);
        state.Apply(Report("o-2", 1, pickToPack: 30), T0);

        Assert.Equal(new CarrierPerformance("ups", 2, 0, 0, 0, null, 25.0, 60.0, T0), state.ToPerformance("ups"));
    }

    [Fact]
    public void Report_SameOrOlderVersion_ChangesNothing()
    {
        var state = new CarrierState();
        state.Apply(Report("o-1", 2, pickToPack: 20), T0);

        Assert.False(state.Apply(Report("o-1", 2, pickToPack: 50), T0.AddMinutes(1)));
        Assert.False(state.Apply(Report("o-1", 1, pickToPack: 50), T0.AddMinutes(1)));
        Assert.Equal(new CarrierPerformance("ups", 1, 0, 0, 0, null, 20.0, null, T0), state.ToPerformance("ups"));
    }

    [Fact]
    public void Report_Closed_StaysCounted_AndAResendIsRecognised()
    {
        var state = new CarrierState();
        state.Apply(Report("o-1", 1), T0);
        state.Apply(Report("o-1", 2) with { Delivered = true, OnTime = true, Closed = true }, T0);
        state.Apply(Report("o-2", 1) with { Delivered = true, OnTime = false, Closed = true }, T0);

        Assert.False(state.Apply(Report("o-1", 2) with { Delivered = true, OnTime = true, Closed = true }, T0));
        Assert.False(state.Apply(Report("o-1", 9) with { Delivered = true, OnTime = false, Closed = true }, T0));
        Assert.Equal(new CarrierPerformance("ups", 2, 2, 1, 1, 50.0, null, null, T0), state.ToPerformance("ups"));
        Assert.Empty(state.Open);
    }

    [Fact]
    public void Report_NotAssigned_WithdrawsTheContribution_OrIsIgnoredWhenThereIsNone()
    {
        var state = new CarrierState();
        state.Apply(Report("o-1", 1, pickToPack: 10), T0);

        Assert.True(state.Apply(Report("o-1", 2) with { Assigned = false }, T0));
        Assert.False(state.Apply(Report("o-9", 1) with { Assigned = false }, T0));
        Assert.Equal(new CarrierPerformance("ups", 0, 0, 0, 0, null, null, null, T0), state.ToPerformance("ups"));
    }

    [Fact]
    public void OnTimeRate_IsOverDeliveredOrders_RoundedToHundredths()
    {
        var state = new CarrierState();
        state.Apply(Report("o-1", 1) with { Delivered = true, OnTime = true }, T0);
        state.Apply(Report("o-2", 1) with { Delivered = true, OnTime = true }, T0);
        state.Apply(Report("o-3", 1) with { Delivered = true, OnTime = false }, T0);
        state.Apply(Report("o-4", 1), T0);

        Assert.Equal(66.67, state.ToPerformance("ups").OnTimeRatePct);
    }

    private static CarrierOrderReport Report(string orderId, long version, double? pickToPack = null, double? labelToScan = null) =>
        new(orderId, version, Assigned: true, Delivered: false, OnTime: null, pickToPack, labelToScan, Closed: false);
}
