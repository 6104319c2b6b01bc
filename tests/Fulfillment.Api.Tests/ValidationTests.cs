using System.Net;
using System.Text.Json.Nodes;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

/// <summary>Every rule an event must satisfy; any broken rule rejects the whole request and appends nothing.</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    /// <summary>One bad event per rule: how to break a valid event, the error key, and a fragment of the reason.</summary>
    public static TheoryData<string, string, string> Rules => new()
    {
        { "specversion 0.3", "specversion", "must be \"1.0\"" },
        { "no specversion", "specversion", "is required" },
        { "no id", "id", "is required" },
        { "empty id", "id", "must not be empty" },
        { "numeric id", "id", "must be a string" },
        { "no source", "source", "is required" },
        { "source with spaces", "source", "URI-reference" },
        { "unknown type", "type", "must be one of" },
        { "no time", "time", "is required" },
        { "time without T", "time", "RFC 3339" },
        { "time without offset", "time", "RFC 3339" },
        { "time 30 February", "time", "RFC 3339" },
        { "subject not the key", "subject", "must equal the event's key \"o-1\"" },
        { "datacontenttype text/plain", "datacontenttype", "must be application/json or absent" },
        { "no data", "data", "is required" },
        { "data an array", "data", "must be a JSON object" },
        { "data_base64", "data_base64", "is not accepted" },
        { "numeric correlationid", "correlationid", "must be a string" },
        { "upper-case extension", "Priority", "not a valid attribute name" },
        { "object extension", "nested", "must be a string, number or boolean" },
        { "created without customerId", "data.customerId", "is required" },
        { "created with no lines", "data.lines", "must not be empty" },
        { "created line quantity 0", "data.lines[0].quantity", "must be an integer of 1 or more" },
        { "created line without sku", "data.lines[0].sku", "is required" },
        { "created promisedDeliveryAt not a time", "data.promisedDeliveryAt", "RFC 3339" },
        { "stage unknown", "data.stage", "must be one of picked, packed, labeled, carrier_scanned, in_transit, out_for_delivery, delivered, failed" },
        { "stage before picked", "data.stage", "must be one of picked" },
        { "stage cancelled", "data.stage", "must be one of picked" },
        { "stage without warehouseId", "data.warehouseId", "is required" },
        { "received quantity 0", "data.quantity", "must be an integer of 1 or more" },
        { "received quantity -1", "data.quantity", "must be an integer of 1 or more" },
        { "received quantity 1.5", "data.quantity", "must be an integer of 1 or more" },
        { "received quantity as string", "data.quantity", "must be an integer of 1 or more" },
        { "received warehouseId with slash", "data.warehouseId", "must not contain '/'" },
        { "adjusted onHand -1", "data.onHand", "must be an integer of 0 or more" },
        { "adjusted without sku", "data.sku", "is required" },
        { "cancelled without reason", "data.reason", "is required" },
        { "payment_confirmed empty orderId", "data.orderId", "must not be empty" },
    };

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Post_BatchWithOneBrokenRule_Returns400NamingIndexAndFieldAndAppendsNothing(string rule, string field, string reason)
    {
        var response = await _host.PostEventsAsync(CloudEvents.Batch(CloudEvents.OrderCreated("o-1"), Broken(rule)));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Invalid events", problem.Title);
        Assert.Equal("1 of 2 events are invalid; no event was accepted.", problem.Detail);
        var (key, messages) = Assert.Single(problem.Errors);
        Assert.Equal($"[1].{field}", key);
        Assert.Contains(reason, Assert.Single(messages), StringComparison.Ordinal);
        Assert.Empty(await _host.ReadLogAsync());
    }

    [Fact]
    public async Task Post_BatchWithManyBadEvents_ListsEveryBadIndexAndAppendsNothing()
    {
        var rules = Rules.Select(r => (string)r[0]).ToArray();
        var events = new List<JsonNode> { CloudEvents.OrderCreated("o-valid") };
        events.AddRange(rules.Select(Broken));
        events.Add(JsonValue.Create(42)!);
        events.Add(CloudEvents.Adjusted("WH-EAST", "SKU-1", 0));

        var response = await _host.PostEventsAsync(CloudEvents.Batch([.. events]));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        var badIndexes = problem.Errors.Keys.Select(k => int.Parse(k[1..k.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order();
        Assert.Equal(Enumerable.Range(1, rules.Length + 1), badIndexes);
        Assert.Equal(["must be a JSON object (one CloudEvent)"], problem.Errors[$"[{rules.Length + 1}]"]);
        Assert.Equal($"{rules.Length + 1} of {events.Count} events are invalid; no event was accepted.", problem.Detail);
        Assert.Empty(await _host.ReadLogAsync());
    }

    [Fact]
    public async Task Post_SingleInvalidEvent_IsReportedAsIndexZero()
    {
        var response = await _host.PostEventsAsync(Broken("received quantity 0").ToJsonString(), "application/cloudevents+json");

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["[0].data.quantity"], problem.Errors.Keys);
    }

    [Fact]
    public async Task Post_EventWithSeveralBadFields_ReportsEachField()
    {
        var broken = CloudEvents.OrderCreated("o-1");
        broken.Remove("id");
        broken["time"] = "yesterday";
        broken["data"]!["lines"]![0]!["quantity"] = -2;

        var response = await _host.PostEventsAsync(CloudEvents.Batch(broken));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["[0].data.lines[0].quantity", "[0].id", "[0].time"], problem.Errors.Keys.Order(StringComparer.Ordinal));
    }

    private static JsonObject Broken(string rule)
    {
        var order = CloudEvents.OrderCreated("o-1");
        var received = CloudEvents.Received("WH-EAST", "SKU-1", 5);
        switch (rule)
        {
            case "specversion 0.3": order["specversion"] = "0.3"; return order;
            case "no specversion": order.Remove("specversion"); return order;
            case "no id": order.Remove("id"); return order;
            case "empty id": order["id"] = string.Empty; return order;
            case "numeric id": order["id"] = 7; return order;
            case "no source": order.Remove("source"); return order;
            case "source with spaces": order["source"] = "my wms"; return order;
            case "unknown type": order["type"] = "fulfillment.order.teleported"; return order;
            case "no time": order.Remove("time"); return order;
            case "time without T": order["time"] = "2026-11-23 14:05:00Z"; return order;
            case "time without offset": order["time"] = "2026-11-23T14:05:00"; return order;
            case "time 30 February": order["time"] = "2026-02-30T14:05:00Z"; return order;
            case "subject not the key": order["subject"] = "o-2"; return order;
            case "datacontenttype text/plain": order["datacontenttype"] = "text/plain"; return order;
            case "no data": order.Remove("data"); return order;
            case "data an array": order["data"] = new JsonArray(); return order;
            case "data_base64": order["data_base64"] = "AAEC"; return order;
            case "numeric correlationid": order["correlationid"] = 12; return order;
            case "upper-case extension": order["Priority"] = "high"; return order;
            case "object extension": order["nested"] = new JsonObject { ["a"] = 1 }; return order;
            case "created without customerId": Data(order).Remove("customerId"); return order;
            case "created with no lines": Data(order)["lines"] = new JsonArray(); return order;
            case "created line quantity 0": Data(order)["lines"]![0]!["quantity"] = 0; return order;
            case "created line without sku": ((JsonObject)Data(order)["lines"]![0]!).Remove("sku"); return order;
            case "created promisedDeliveryAt not a time": Data(order)["promisedDeliveryAt"] = "soon"; return order;
            case "stage unknown": return CloudEvents.Stage("o-1", "teleported");
            case "stage before picked": return CloudEvents.Stage("o-1", "allocated");
            case "stage cancelled": return CloudEvents.Stage("o-1", "cancelled");
            case "stage without warehouseId":
                var stage = CloudEvents.Stage("o-1", "picked");
                Data(stage).Remove("warehouseId");
                return stage;
            case "received quantity 0": Data(received)["quantity"] = 0; return received;
            case "received quantity -1": Data(received)["quantity"] = -1; return received;
            case "received quantity 1.5": Data(received)["quantity"] = 1.5; return received;
            case "received quantity as string": Data(received)["quantity"] = "5"; return received;
            case "received warehouseId with slash":
                Data(received)["warehouseId"] = "WH/EAST";
                received.Remove("subject");
                return received;
            case "adjusted onHand -1": return CloudEvents.Adjusted("WH-EAST", "SKU-1", -1);
            case "adjusted without sku":
                var adjusted = CloudEvents.Adjusted("WH-EAST", "SKU-1", 3);
                Data(adjusted).Remove("sku");
                adjusted.Remove("subject");
                return adjusted;
            case "cancelled without reason":
                var cancelled = CloudEvents.Cancelled("o-1");
                Data(cancelled).Remove("reason");
                return cancelled;
            case "payment_confirmed empty orderId":
                var paid = CloudEvents.PaymentConfirmed("o-1");
                Data(paid)["orderId"] = string.Empty;
                paid.Remove("subject");
                return paid;
            default: throw new ArgumentOutOfRangeException(nameof(rule), rule, "no such rule");
        }
    }

    private static JsonObject Data(JsonObject cloudEvent) => (JsonObject)cloudEvent["data"]!;
}
