using System.Net;
using System.Text.Json.Nodes;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

/// <summary>Every rule of the order and operations routes: a 400 naming the field, and nothing created.</summary>
public sealed class OrdersValidationTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    /// <summary>How to break a valid order body, the field named, and its message.</summary>
    public static TheoryData<string, string, string> BodyRules => new()
    {
        { "no orderId", "orderId", "is required" },
        { "orderId with a space", "orderId", "may contain only letters, digits and . _ - :" },
        { "no customerId", "customerId", "is required" },
        { "empty customerId", "customerId", "must not be empty" },
        { "no lines", "lines", "is required" },
        { "empty lines", "lines", "must not be empty" },
        { "quantity 0", "lines[0].quantity", "must be an integer from 1 to 1000000" },
        { "quantity a string", "lines[0].quantity", "must be an integer from 1 to 1000000" },
        { "repeated sku", "lines[1].sku", "repeats lines[0].sku; send each SKU once, with its total quantity" },
        { "no destinationRegion", "destinationRegion", "is required" },
        { "no promisedDeliveryAt", "promisedDeliveryAt", "is required" },
        { "promisedDeliveryAt without offset", "promisedDeliveryAt", "must be an RFC 3339 timestamp with an offset, such as 2026-11-25T14:30:00Z" },
        { "promisedDeliveryAt a number", "promisedDeliveryAt", "must be an RFC 3339 timestamp with an offset, such as 2026-11-25T14:30:00Z" },
        { "empty reservationId", "reservationId", "must not be empty" },
    };

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(BodyRules))]
    public async Task Place_BrokenRule_Returns400NamingTheFieldAndCreatesNothing(string rule, string field, string message)
    {
        var body = OrderRequests.OrderBody("o-1");
        Break(body, rule);

        var problem = await Problem.ReadAsync(await _host.PlaceOrderAsync(body), HttpStatusCode.BadRequest);

        Assert.Equal("Invalid request", problem.Title);
        Assert.Equal(new Dictionary<string, string[]> { [field] = [message] }, problem.Errors);
        await _host.GetOrderAsync("o-1", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Place_SeveralBrokenRules_NamesEachField()
    {
        var problem = await Problem.ReadAsync(await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/orders", """{ "orderId": "o 1", "lines": [] }""", TestKeys.Storefront), HttpStatusCode.BadRequest);

        Assert.Equal("5 fields are invalid; nothing was changed.", problem.Detail);
        Assert.Equal(["orderId", "customerId", "lines", "destinationRegion", "promisedDeliveryAt"], problem.Errors.Keys);
    }

    [Fact]
    public async Task Place_MalformedJsonAndWrongContentType_AreProblems()
    {
        var malformed = await Problem.ReadAsync(await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/orders", """{ "orderId": """, TestKeys.Storefront), HttpStatusCode.BadRequest);
        var text = await _host.SendAsync(HttpMethod.Post, "/api/v1/orders", new StringContent("o-1"), TestKeys.Storefront);

        Assert.Equal("Malformed JSON", malformed.Title);
        Assert.Equal("Unsupported media type", (await Problem.ReadAsync(text, HttpStatusCode.UnsupportedMediaType)).Title);
    }

    [Theory]
    [InlineData("/api/v1/orders/o%201", "orderId", "may contain only letters, digits and . _ - :")]
    [InlineData("/api/v1/carriers/ups%2Fground", "carrier", "may contain only letters, digits and . _ - :")]
    [InlineData("/api/v1/warehouses/WH%20EAST", "warehouseId", "may contain only letters, digits and . _ - :")]
    public async Task Read_InvalidKey_Returns400NamingIt(string path, string field, string message)
    {
        var problem = await Problem.ReadAsync(await _host.SendAsync(HttpMethod.Get, path, apiKey: TestKeys.Ops), HttpStatusCode.BadRequest);

        Assert.Equal(new Dictionary<string, string[]> { [field] = [message] }, problem.Errors);
    }

    [Fact]
    public async Task Tracking_TooLongNumber_Returns400()
    {
        var problem = await Problem.ReadAsync(await _host.SendAsync(HttpMethod.Get, $"/api/v1/tracking/{new string('1', 65)}"), HttpStatusCode.BadRequest);

        Assert.Equal(new Dictionary<string, string[]> { ["trackingNumber"] = ["must be at most 64 characters"] }, problem.Errors);
    }

    private static void Break(JsonObject body, string rule)
    {
        switch (rule)
        {
            case "no orderId": body.Remove("orderId"); break;
            case "orderId with a space": body["orderId"] = "o 1"; break;
            case "no customerId": body.Remove("customerId"); break;
            case "empty customerId": body["customerId"] = string.Empty; break;
            case "no lines": body.Remove("lines"); break;
            case "empty lines": body["lines"] = new JsonArray(); break;
            case "quantity 0": body["lines"]![0]!["quantity"] = 0; break;
            case "quantity a string": body["lines"]![0]!["quantity"] = "2"; break;
            case "repeated sku": body["lines"]!.AsArray().Add(new JsonObject { ["sku"] = "SKU-1", ["quantity"] = 1 }); break;
            case "no destinationRegion": body.Remove("destinationRegion"); break;
            case "no promisedDeliveryAt": body.Remove("promisedDeliveryAt"); break;
            case "promisedDeliveryAt without offset": body["promisedDeliveryAt"] = "2026-01-03T18:00:00"; break;
            case "promisedDeliveryAt a number": body["promisedDeliveryAt"] = 20260103; break;
            case "empty reservationId": body["reservationId"] = string.Empty; break;
            default: throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown rule");
        }
    }
}
