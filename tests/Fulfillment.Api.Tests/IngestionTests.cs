using System.Net;
using System.Text;
using System.Text.Json;
using Fulfillment.Api.Tests.Support;
using Fulfillment.Contracts;

namespace Fulfillment.Api.Tests;

public sealed class IngestionTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_SingleEvent_Returns202AndAppendsCanonicalEvent()
    {
        var ingested = CloudEvents.Stage("o-1", "packed");
        ingested["correlationid"] = "corr-1";
        ingested["causationid"] = "cause-1";

        var response = await _host.PostEventsAsync(ingested.ToJsonString(), "application/cloudevents+json");

        var body = await JsonBody.ReadAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("duplicates").GetInt32());
        var stored = Assert.Single(await _host.ReadLogAsync());
        Assert.Equal(FulfillmentStreams.Orders, stored.Namespace);
        Assert.Equal("o-1", stored.Key);
        Assert.Equal($"{CloudEvents.Source.Length}:{CloudEvents.Source}:packed-o-1", stored.EventId);
        Assert.Equal(
            """{"specversion":"1.0","id":"packed-o-1","source":"urn:test:wms","type":"fulfillment.order.stage","subject":"o-1","time":"2026-11-23T14:05:00Z","correlationid":"corr-1","causationid":"cause-1","data":{"orderId":"o-1","stage":"packed","warehouseId":"WH-EAST","carrier":"ups","trackingNumber":"1Z999"}}""",
            Encoding.UTF8.GetString(stored.Body.Span));
    }

    [Fact]
    public async Task Post_Batch_Returns202WithCountsAndAppendsEachToItsNamespaceAndKey()
    {
        var batch = CloudEvents.Batch(
            CloudEvents.OrderCreated("o-1"),
            CloudEvents.PaymentConfirmed("o-1"),
            CloudEvents.Received("WH-EAST", "SKU-1", 40),
            CloudEvents.Adjusted("WH-EAST", "SKU-2", 0),
            CloudEvents.Cancelled("o-2"));

        var response = await _host.PostEventsAsync(batch);

        var body = await JsonBody.ReadAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(5, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("duplicates").GetInt32());
        var stored = (await _host.ReadLogAsync()).Select(e => (e.Namespace, e.Key, e.EventId)).OrderBy(e => e.EventId, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[]
            {
                ("inventory", "WH-EAST/SKU-2", "12:urn:test:wms:adjusted-WH-EAST-SKU-2"),
                ("orders", "o-2", "12:urn:test:wms:cancelled-o-2"),
                ("orders", "o-1", "12:urn:test:wms:created-o-1"),
                ("orders", "o-1", "12:urn:test:wms:paid-o-1"),
                ("inventory", "WH-EAST/SKU-1", "12:urn:test:wms:received-WH-EAST-SKU-1"),
            },
            stored);
    }

    [Fact]
    public async Task Post_SameSourceAndIdAgain_CountsDuplicateAndAppendsNothing()
    {
        var first = await _host.PostEventsAsync(CloudEvents.Batch(CloudEvents.OrderCreated("o-1"), CloudEvents.PaymentConfirmed("o-1")));
        Assert.Equal(2, (await JsonBody.ReadAsync(first, HttpStatusCode.Accepted)).GetProperty("accepted").GetInt32());

        var again = await _host.PostEventsAsync(CloudEvents.Batch(CloudEvents.PaymentConfirmed("o-1"), CloudEvents.Cancelled("o-1")));

        var body = await JsonBody.ReadAsync(again, HttpStatusCode.Accepted);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("duplicates").GetInt32());
        Assert.Equal(3, (await _host.ReadLogAsync()).Count);
    }

    [Fact]
    public async Task Post_RepeatWithinOneBatch_CountsDuplicate()
    {
        var response = await _host.PostEventsAsync(CloudEvents.Batch(CloudEvents.OrderCreated("o-1"), CloudEvents.OrderCreated("o-1")));

        var body = await JsonBody.ReadAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("duplicates").GetInt32());
        Assert.Single(await _host.ReadLogAsync());
    }

    [Fact]
    public async Task Post_Batch_StoresEachEventAsItsOwnJsonDocument()
    {
        var response = await _host.PostEventsAsync(CloudEvents.Batch(
            CloudEvents.Received("WH-EAST", "SKU-1", 5, id: "first"),
            CloudEvents.Received("WH-EAST", "SKU-1", 7, id: "second"),
            CloudEvents.Received("WH-EAST", "SKU-1", 9, id: "third")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var ids = (await _host.ReadLogAsync())
            .OrderBy(e => e.SequenceNumber)
            .Select(e => JsonDocument.Parse(e.Body).RootElement.GetProperty("id").GetString());
        Assert.Equal(["first", "second", "third"], ids);
    }

    [Fact]
    public async Task Post_SameIdFromDifferentSources_AcceptsBoth()
    {
        var fromEast = CloudEvents.Received("WH-EAST", "SKU-1", 1, id: "evt-1");
        fromEast["source"] = "urn:wms:east";
        var fromWest = CloudEvents.Received("WH-EAST", "SKU-1", 1, id: "evt-1");
        fromWest["source"] = "urn:wms:west";

        var response = await _host.PostEventsAsync(CloudEvents.Batch(fromEast, fromWest));

        var body = await JsonBody.ReadAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("duplicates").GetInt32());
        Assert.Equal(["12:urn:wms:east:evt-1", "12:urn:wms:west:evt-1"], (await _host.ReadLogAsync()).Select(e => e.EventId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Post_SourceAndIdThatConcatenateAlike_AreDifferentEvents()
    {
        var first = CloudEvents.Received("WH-EAST", "SKU-1", 1, id: "c");
        first["source"] = "urn:a:b";
        var second = CloudEvents.Received("WH-EAST", "SKU-1", 1, id: "b:c");
        second["source"] = "urn:a";

        var response = await _host.PostEventsAsync(CloudEvents.Batch(first, second));

        Assert.Equal(2, (await JsonBody.ReadAsync(response, HttpStatusCode.Accepted)).GetProperty("accepted").GetInt32());
    }

    [Theory]
    [InlineData("application/cloudevents+json; charset=utf-8")]
    [InlineData("application/json")]
    [InlineData("application/json; charset=UTF-8")]
    public async Task Post_SingleObjectAsEventGridOrPlainJson_IsAccepted(string contentType)
    {
        var response = await _host.PostEventsAsync(CloudEvents.OrderCreated("o-1").ToJsonString(), contentType);

        Assert.Equal(1, (await JsonBody.ReadAsync(response, HttpStatusCode.Accepted)).GetProperty("accepted").GetInt32());
    }

    [Theory]
    [InlineData("application/cloudevents-batch+json; charset=utf-8")]
    [InlineData("application/json")]
    public async Task Post_ArrayAsBatchOrPlainJson_IsAccepted(string contentType)
    {
        var response = await _host.PostEventsAsync(CloudEvents.Batch(CloudEvents.OrderCreated("o-1"), CloudEvents.OrderCreated("o-2")), contentType);

        Assert.Equal(2, (await JsonBody.ReadAsync(response, HttpStatusCode.Accepted)).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Post_UnknownExtensionsAndNulls_ExtensionsKeptNullsDropped()
    {
        var ingested = CloudEvents.Received("WH-EAST", "SKU-1", 3);
        ingested["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        ingested["priority"] = 5;
        ingested["subject"] = null;
        ingested["causationid"] = null;

        var response = await _host.PostEventsAsync(ingested.ToJsonString(), "application/cloudevents+json");

        await JsonBody.ReadAsync(response, HttpStatusCode.Accepted);
        var stored = JsonDocument.Parse(Assert.Single(await _host.ReadLogAsync()).Body).RootElement;
        Assert.Equal(
            ["specversion", "id", "source", "type", "time", "traceparent", "priority", "data"],
            stored.EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, stored.GetProperty("priority").GetInt32());
    }

    [Fact]
    public async Task Post_NonAsciiText_IsStoredAsUtf8()
    {
        var ingested = CloudEvents.Cancelled("o-ü");
        ingested["data"]!["reason"] = "Kunde storniert – zu spät";

        var response = await _host.PostEventsAsync(ingested.ToJsonString(), "application/cloudevents+json");

        await JsonBody.ReadAsync(response, HttpStatusCode.Accepted);
        var stored = Assert.Single(await _host.ReadLogAsync());
        Assert.Equal("o-ü", stored.Key);
        Assert.Contains("\"reason\":\"Kunde storniert – zu spät\"", Encoding.UTF8.GetString(stored.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OrderEvent_IsDeliveredToOrderSubscribers()
    {
        var delivered = _host.Signals.WaitFor("delivered:o-42");

        await JsonBody.ReadAsync(await _host.PostEventsAsync(CloudEvents.OrderCreated("o-42").ToJsonString(), "application/cloudevents+json"), HttpStatusCode.Accepted);

        await delivered;
        Assert.Equal(["12:urn:test:wms:created-o-42"], _host.Signals.Values("delivered:o-42"));
    }
}
