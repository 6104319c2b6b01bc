using Fulfillment.Api.Simulation;
using Fulfillment.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Api.Tests;

/// <summary>The demo feed: reproducible for a seed, every kind of situation, and through the service end to end under a manual clock.</summary>
public sealed class SimulatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly (string, string)[] Warehouses = [("WH-EAST", "us-east"), ("WH-CENTRAL", "us-central"), ("WH-WEST", "us-west")];

    [Fact]
    public void Script_SameSeed_GivesTheSameEvents_AnotherSeedOthers()
    {
        Assert.Equal(Feed(seed: 7), Feed(seed: 7));
        Assert.NotEqual(Feed(seed: 7), Feed(seed: 8));
    }

    [Fact]
    public void Script_ProducesEverySituationAndArrival()
    {
        var script = new DemoScript(42, 60, Warehouses);
        var orders = Enumerable.Range(0, 300).Select(i => script.Order(i, Start + TimeSpan.FromSeconds(2 * i))).ToArray();

        Assert.Equal(Enum.GetValues<Situation>(), orders.Select(o => o.Situation).Distinct().Order());
        Assert.Equal(Enum.GetValues<Arrival>(), orders.SelectMany(o => o.Events).Select(e => e.Arrival).Distinct().Order());
        Assert.Equal(DemoScript.Carriers.Order(StringComparer.Ordinal), orders.Select(o => o.Carrier).Distinct().Order(StringComparer.Ordinal));

        // Stalls last longer than the scaled thresholds (30 and 120 simulated minutes); normal orders do not.
        Assert.All(orders.Where(o => o.Situation == Situation.PickToPackStall), o => Assert.True(Between(o, "picked", "packed") > TimeSpan.FromSeconds(30)));
        Assert.All(orders.Where(o => o.Situation == Situation.LabelToScanStall), o => Assert.True(Between(o, "labeled", "carrier_scanned") > TimeSpan.FromMinutes(2)));
        Assert.All(orders.Where(o => o.Situation == Situation.Normal), o => Assert.True(Between(o, "picked", "packed") < TimeSpan.FromSeconds(30)));
        Assert.All(orders.Where(o => o.Situation == Situation.LateDelivery), o => Assert.True(Time(o, "delivered") > Promise(o)));
        Assert.All(orders.Where(o => o.Situation == Situation.Stuck), o => Assert.Null(Find(o, "packed")));

        // Out of order: the pick is sent after the pack, with its own (earlier) event time.
        var outOfOrder = orders.SelectMany(o => o.Events).First(e => e.Arrival == Arrival.OutOfOrder);
        var order = orders[outOfOrder.OrderIndex];
        Assert.True(outOfOrder.SendAt > Find(order, "packed")!.SendAt);
        Assert.True(Time(order, "picked") < Time(order, "packed"));
    }

    [Fact]
    public async Task Feed_ThroughTheService_ShowsOrdersAlertsAndCarrierFigures()
    {
        await using var host = await ApiHost.StartAsync(s =>
        {
            s.Configuration["Simulator:Enabled"] = "true";
            s.Configuration["Simulator:OrdersPerMinute"] = "60";
            s.Configuration["Simulator:MaxOrders"] = "60";
            s.Configuration["Simulator:Seed"] = "5";
            s.Configuration["Sla:PickToPackStall"] = "00:00:30";
            s.Configuration["Sla:LabelToScanStall"] = "00:02:00";
            s.Configuration["Sla:AtRiskBefore"] = "00:04:00";
        });
        var feed = host.Services.GetRequiredService<DemoFeed>();

        // Fourteen minutes in steps of two seconds, each step waiting until the feed has appended what fell due.
        for (var step = 0; step < 420; step++)
        {
            host.Settings.Time.Advance(TimeSpan.FromSeconds(2));
            await feed.WaitForSentThroughAsync(host.Settings.Time.GetUtcNow()).WaitAsync(TimeSpan.FromSeconds(20));
        }

        Assert.Equal(60, feed.OrdersCreated);
        await host.WaitForAsync("/api/v1/orders?limit=500", o => o.GetProperty("items").GetArrayLength() == 60, "60 orders listed");
        var alerts = await host.WaitForAsync(
            "/api/v1/alerts?limit=500",
            a => new[] { "pick_to_pack_stall", "label_to_scan_stall", "sla_at_risk", "sla_breached" }.All(k => a.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("kind").GetString() == k)),
            "every alert kind");
        Assert.Contains(alerts.GetProperty("items").EnumerateArray(), a => a.GetProperty("status").GetString() == "resolved");
        var carriers = await host.WaitForAsync(
            "/api/v1/carriers",
            c => c.GetArrayLength() == 4 && c.EnumerateArray().Sum(r => r.GetProperty("lateDeliveries").GetInt32()) > 0 && c.EnumerateArray().Sum(r => r.GetProperty("onTimeDeliveries").GetInt32()) > 0,
            "four carriers with on-time and late deliveries");
        Assert.Equal(["dhl", "fedex", "ups", "usps"], carriers.EnumerateArray().Select(c => c.GetProperty("carrier").GetString()));
    }

    private static string[] Feed(int seed)
    {
        var script = new DemoScript(seed, 60, Warehouses);
        return [.. Enumerable.Range(0, 100).SelectMany(i => script.Order(i, Start + TimeSpan.FromSeconds(2 * i)).Events)
            .Select(e => $"{e.SendAt:O} {e.Arrival} {e.CloudEvent.ToJsonString()}")];
    }

    private static ScheduledEvent? Find(SimulatedOrder order, string stage) =>
        order.Events.FirstOrDefault(e => e.Arrival != Arrival.Duplicate && e.CloudEvent["id"]!.GetValue<string>().EndsWith("-" + stage, StringComparison.Ordinal));

    private static DateTimeOffset Time(SimulatedOrder order, string stage) => DateTimeOffset.Parse(Find(order, stage)!.CloudEvent["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Promise(SimulatedOrder order) =>
        DateTimeOffset.Parse(Find(order, "created")!.CloudEvent["data"]!["promisedDeliveryAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private static TimeSpan Between(SimulatedOrder order, string from, string to) => Time(order, to) - Time(order, from);
}
