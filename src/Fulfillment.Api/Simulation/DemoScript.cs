using System.Globalization;
using System.Text.Json.Nodes;
using Fulfillment.Contracts;

namespace Fulfillment.Api.Simulation;

/// <summary>
/// Writes the demo feed's orders: a pure function of the seed, the order's index and creation time, the time scale and
/// the warehouses, so the same settings always give the same events. Durations are realistic in simulated minutes
/// (pick 5–20 after payment, pack 4–15 after the pick, scan 15–60 after the label, 1–3 h out for delivery…) and
/// divided by the time scale. Most orders run normally; some stall, get stuck, are delivered late, cancelled or fail;
/// some events are sent twice, out of order or late.
/// </summary>
internal sealed class DemoScript(int seed, double timeScale, IReadOnlyList<(string Id, string Region)> warehouses)
{
    public const string Source = "urn:fulfillment:simulator";

    public static readonly string[] Carriers = ["ups", "fedex", "usps", "dhl"];

    private static readonly string[] Regions = ["us-east", "us-central", "us-west"];

    public SimulatedOrder Order(int index, DateTimeOffset createdAt)
    {
        // One generator per order, seeded from the feed's seed and the index: an order never depends on another.
        var random = new Random(unchecked((seed * 7919) + index));
        var orderId = string.Create(CultureInfo.InvariantCulture, $"sim-{seed}-{index:D6}");
        var situation = Pick(random);
        var region = Regions[random.Next(Regions.Length)];
        var warehouse = warehouses.FirstOrDefault(w => w.Region == region) is { Id: not null } home ? home.Id : warehouses[random.Next(warehouses.Count)].Id;
        var carrier = situation == Situation.LateDelivery ? "usps" : Carriers[random.Next(Carriers.Length)];
        var tracking = string.Create(CultureInfo.InvariantCulture, $"{carrier.ToUpperInvariant()}{seed:D3}{index:D7}");
        var promiseHours = situation == Situation.LateDelivery ? 3 + random.NextDouble() : 24 + (24 * random.NextDouble());
        var events = new List<ScheduledEvent>();
        var at = createdAt;

        void Add(string type, JsonObject data, string name)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{orderId}-{name}");
            var cloudEvent = new JsonObject
            {
                ["specversion"] = "1.0",
                ["id"] = id,
                ["source"] = Source,
                ["type"] = type,
                ["subject"] = orderId,
                ["time"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["data"] = data,
            };
            events.Add(new ScheduledEvent(at, index, Arrival.OnTime, cloudEvent));
        }

        void Stage(string stage, bool withCarrier)
        {
            var data = new JsonObject { ["orderId"] = orderId, ["stage"] = stage, ["warehouseId"] = warehouse };
            if (withCarrier)
            {
                data["carrier"] = carrier;
                data["trackingNumber"] = tracking;
            }

            Add(FulfillmentEventTypes.OrderStage, data, stage);
        }

        void After(double minMinutes, double maxMinutes) =>
            at += TimeSpan.FromMinutes((minMinutes + ((maxMinutes - minMinutes) * random.NextDouble())) / timeScale);

        var lines = new JsonArray();
        foreach (var sku in Enumerable.Range(0, 1 + random.Next(3)).Select(_ => 1 + random.Next(300)).Distinct())
        {
            lines.Add(new JsonObject { ["sku"] = string.Create(CultureInfo.InvariantCulture, $"SKU-{sku:D4}"), ["quantity"] = 1 + random.Next(2) });
        }

        Add(FulfillmentEventTypes.OrderCreated, new JsonObject
        {
            ["orderId"] = orderId,
            ["customerId"] = string.Create(CultureInfo.InvariantCulture, $"c-{random.Next(1, 5000)}"),
            ["lines"] = lines,
            ["destinationRegion"] = region,
            ["promisedDeliveryAt"] = (createdAt + TimeSpan.FromHours(promiseHours / timeScale)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        }, "created");
        After(1, 5);
        Add(FulfillmentEventTypes.OrderPaymentConfirmed, new JsonObject { ["orderId"] = orderId }, "paid");
        if (situation == Situation.Cancelled)
        {
            After(2, 10);
            Add(FulfillmentEventTypes.OrderCancelled, new JsonObject { ["orderId"] = orderId, ["reason"] = "customer request" }, "cancelled");
            return Finish(orderId, index, situation, carrier, events, random);
        }

        After(5, 20);
        Stage("picked", withCarrier: false);
        if (situation == Situation.Stuck)
        {
            return Finish(orderId, index, situation, carrier, events, random);
        }

        if (situation == Situation.PickToPackStall)
        {
            After(45, 90);
        }
        else
        {
            After(4, 15);
        }

        Stage("packed", withCarrier: false);
        After(2, 8);
        Stage("labeled", withCarrier: true);
        if (situation == Situation.LabelToScanStall)
        {
            After(150, 240);
        }
        else
        {
            After(15, 60);
        }

        Stage("carrier_scanned", withCarrier: true);
        After(10, 40);
        Stage("in_transit", withCarrier: true);
        if (situation == Situation.LateDelivery)
        {
            After(240, 360);
        }
        else
        {
            After(60, 180);
        }

        Stage("out_for_delivery", withCarrier: true);
        After(20, 90);
        Stage(situation == Situation.Failed ? "failed" : "delivered", withCarrier: true);
        return Finish(orderId, index, situation, carrier, events, random);
    }

    private static Situation Pick(Random random) => random.Next(100) switch
    {
        < 8 => Situation.PickToPackStall,
        < 13 => Situation.LabelToScanStall,
        < 15 => Situation.Stuck,
        < 23 => Situation.LateDelivery,
        < 26 => Situation.Cancelled,
        < 28 => Situation.Failed,
        _ => Situation.Normal,
    };

    /// <summary>Rearranges arrivals: a pick reported after the pack, a transit scan uploaded late, some events sent twice.</summary>
    private SimulatedOrder Finish(string orderId, int index, Situation situation, string carrier, List<ScheduledEvent> events, Random random)
    {
        var byStage = events.ToDictionary(e => e.CloudEvent["id"]!.GetValue<string>()[(orderId.Length + 1)..], e => e, StringComparer.Ordinal);
        if (random.Next(100) < 6 && byStage.TryGetValue("picked", out var picked) && byStage.TryGetValue("packed", out var packed))
        {
            Replace(events, picked, picked with { SendAt = packed.SendAt + Scaled(1), Arrival = Arrival.OutOfOrder });
        }

        if (random.Next(100) < 6 && byStage.TryGetValue("in_transit", out var transit) && byStage.TryGetValue("out_for_delivery", out var outForDelivery))
        {
            Replace(events, transit, transit with { SendAt = outForDelivery.SendAt + Scaled(5), Arrival = Arrival.Late });
        }

        foreach (var sent in events.ToArray())
        {
            if (random.Next(100) < 4)
            {
                events.Add(sent with { SendAt = sent.SendAt + Scaled(2), Arrival = Arrival.Duplicate, CloudEvent = (JsonObject)sent.CloudEvent.DeepClone() });
            }
        }

        return new SimulatedOrder(index, orderId, situation, carrier, [.. events.OrderBy(e => e.SendAt)]);
    }

    private TimeSpan Scaled(double minutes) => TimeSpan.FromMinutes(minutes / timeScale);

    private static void Replace(List<ScheduledEvent> events, ScheduledEvent old, ScheduledEvent replacement) => events[events.IndexOf(old)] = replacement;
}
