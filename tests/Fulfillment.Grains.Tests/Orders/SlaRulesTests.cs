using Fulfillment.Contracts;
using Fulfillment.Contracts.Events;
using Fulfillment.Contracts.Orders;
using Fulfillment.Grains.Configuration;
using Fulfillment.Grains.Orders;

namespace Fulfillment.Grains.Tests.Orders;

public sealed class SlaRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Promise = T0.AddHours(10);
    private static readonly SlaOptions Options = new();

    [Theory]
    [InlineData(0, SlaStatuses.OnTrack)]
    [InlineData(5 * 60, SlaStatuses.OnTrack)]
    [InlineData(6 * 60, SlaStatuses.AtRisk)]
    [InlineData((10 * 60) - 1, SlaStatuses.AtRisk)]
    [InlineData(10 * 60, SlaStatuses.Breached)]
    public void StatusAt_AnOpenOrder_FollowsTheClock(int minutes, string status) =>
        Assert.Equal(status, SlaRules.StatusAt(Order(), Options, T0.AddMinutes(minutes)));

    [Theory]
    [InlineData(10 * 60, SlaStatuses.OnTrack)]
    [InlineData((10 * 60) + 1, SlaStatuses.Breached)]
    public void StatusAt_Delivered_ComparesTheDeliveryWithThePromise_WhateverTheClock(int deliveredAfter, string status)
    {
        var order = Order();
        order.ReachStage(Stage.Delivered, Report("delivered"), T0.AddMinutes(deliveredAfter), "e-1");

        Assert.Equal(status, SlaRules.StatusAt(order, Options, T0.AddDays(30)));
        Assert.Empty(SlaRules.DueAt(order, Options, T0.AddDays(30)));
        Assert.Null(SlaRules.NextAfter(order, Options, T0));
    }

    [Theory]
    [InlineData(60, SlaStatuses.OnTrack)]
    [InlineData(11 * 60, SlaStatuses.Breached)]
    public void StatusAt_Cancelled_IsBreachedOnlyIfCancelledAfterThePromise(int cancelledAfter, string status)
    {
        var order = Order();
        order.Cancel(T0.AddMinutes(cancelledAfter), "e-1");

        Assert.Equal(status, SlaRules.StatusAt(order, Options, T0.AddDays(30)));
    }

    [Fact]
    public void Deadlines_PickedOrder_StallThenAtRiskThenBreached()
    {
        var order = Order();
        order.ReachStage(Stage.Picked, Report("picked"), T0, "e-1");

        Assert.Equal(T0.AddMinutes(30), SlaRules.NextAfter(order, Options, T0));
        Assert.Equal(Promise.AddHours(-4), SlaRules.NextAfter(order, Options, T0.AddMinutes(30)));
        Assert.Equal([AlertKinds.PickToPackStall], SlaRules.DueAt(order, Options, T0.AddMinutes(30)).Select(d => d.Kind));
        Assert.Equal([AlertKinds.PickToPackStall, AlertKinds.SlaAtRisk], SlaRules.DueAt(order, Options, Promise.AddHours(-4)).Select(d => d.Kind));
        Assert.Equal([AlertKinds.PickToPackStall, AlertKinds.SlaBreached], SlaRules.DueAt(order, Options, Promise).Select(d => d.Kind));
        Assert.Null(SlaRules.NextAfter(order, Options, Promise));
    }

    [Fact]
    public void Deadlines_LabeledOrder_LabelToScanStallFromTheLabel()
    {
        var order = Order();
        order.ReachStage(Stage.Labeled, Report("labeled"), T0.AddMinutes(5), "e-1");

        Assert.Equal(T0.AddMinutes(125), SlaRules.NextAfter(order, Options, T0));
        Assert.Equal([AlertKinds.LabelToScanStall], SlaRules.DueAt(order, Options, T0.AddMinutes(125)).Select(d => d.Kind));
    }

    [Fact]
    public void Deadlines_NotCreated_None()
    {
        var order = new OrderState();
        order.ReachStage(Stage.Picked, Report("picked"), T0, "e-1");

        Assert.Null(SlaRules.NextAfter(order, Options, T0));
        Assert.Equal(SlaStatuses.OnTrack, SlaRules.StatusAt(order, Options, T0.AddDays(1)));
    }

    [Fact]
    public void Thresholds_ComeFromTheOptions()
    {
        var options = new SlaOptions { PickToPackStall = TimeSpan.FromSeconds(5), AtRiskBefore = TimeSpan.FromMinutes(1) };
        var order = Order();
        order.ReachStage(Stage.Picked, Report("picked"), T0, "e-1");

        Assert.Equal(T0.AddSeconds(5), SlaRules.NextAfter(order, options, T0));
        Assert.Equal(SlaStatuses.AtRisk, SlaRules.StatusAt(order, options, Promise.AddSeconds(-59)));
    }

    private static OrderState Order()
    {
        var order = new OrderState();
        order.Create(new OrderRequest("c-1", [new OrderLine("SKU-1", 1)], "us-east", Promise), T0, "e-0");
        return order;
    }

    private static OrderStageReached Report(string stage) => new("o-1", stage, "WH-EAST");
}
