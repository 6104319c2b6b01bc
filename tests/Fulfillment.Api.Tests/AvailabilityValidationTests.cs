using System.Net;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

/// <summary>
/// Every rule of the ATP, reservation and inventory routes: a broken rule is a 400 problem whose <c>errors</c> names the
/// field as the client wrote it, and nothing changes.
/// </summary>
public sealed class AvailabilityValidationTests : IAsyncLifetime
{
    private const string Quantity = "must be an integer from 1 to 1000000";
    private const string Level = "must be an integer from 0 to 100000000";
    private const string Charset = "may contain only letters, digits and . _ - :";
    private const string LineObject = "must be an object with sku and quantity";

    private ApiHost _host = null!;

    /// <summary>Method, path, body (null: none), the field the error names, and its message.</summary>
    public static TheoryData<string, string, string?, string, string> Rules => new()
    {
        // GET /api/v1/atp/{sku}
        { "GET", "/api/v1/atp/SKU%201", null, "sku", Charset },
        { "GET", $"/api/v1/atp/{new string('S', 65)}", null, "sku", "must be at most 64 characters" },
        { "GET", "/api/v1/atp/SKU-1?quantity=0", null, "quantity", Quantity },
        { "GET", "/api/v1/atp/SKU-1?quantity=-3", null, "quantity", Quantity },
        { "GET", "/api/v1/atp/SKU-1?quantity=1000001", null, "quantity", Quantity },
        { "GET", "/api/v1/atp/SKU-1?quantity=two", null, "quantity", Quantity },
        { "GET", "/api/v1/atp/SKU-1?quantity=1.5", null, "quantity", Quantity },

        // POST /api/v1/atp/check
        { "POST", "/api/v1/atp/check", """{}""", "lines", "is required" },
        { "POST", "/api/v1/atp/check", """{ "lines": null }""", "lines", "is required" },
        { "POST", "/api/v1/atp/check", """{ "lines": [] }""", "lines", "must not be empty" },
        { "POST", "/api/v1/atp/check", $$"""{ "lines": [{{string.Join(",", Enumerable.Range(1, 101).Select(i => $$"""{ "sku": "S-{{i}}", "quantity": 1 }"""))}}] }""", "lines", "must have at most 100 lines; this has 101" },
        { "POST", "/api/v1/atp/check", """{ "lines": { "sku": "SKU-1", "quantity": 1 } }""", "lines", "must be an array of objects with sku and quantity" },
        { "POST", "/api/v1/atp/check", """{ "lines": [ null ] }""", "lines[0]", LineObject },
        { "POST", "/api/v1/atp/check", """{ "lines": [ 7 ] }""", "lines[0]", LineObject },
        { "POST", "/api/v1/atp/check", """{ "lines": [ { "quantity": 1 } ] }""", "lines[0].sku", "is required" },
        { "POST", "/api/v1/atp/check", """{ "lines": [ { "sku": "", "quantity": 1 } ] }""", "lines[0].sku", "must not be empty" },
        { "POST", "/api/v1/atp/check", """{ "lines": [ { "sku": "WH-EAST/SKU-1", "quantity": 1 } ] }""", "lines[0].sku", Charset },
        { "POST", "/api/v1/atp/check", """{ "lines": [ { "sku": 12, "quantity": 1 } ] }""", "lines[0].sku", "must be a string" },
        { "POST", "/api/v1/atp/check", """{ "lines": [ { "sku": "SKU-1" } ] }""", "lines[0].quantity", "is required" },
        { "POST", "/api/v1/atp/check", """{ "lines": [ { "sku": "SKU-1", "quantity": 0 } ] }""", "lines[0].quantity", Quantity },
        { "POST", "/api/v1/atp/check", """{ "lines": [ { "sku": "SKU-1", "quantity": "2" } ] }""", "lines[0].quantity", Quantity },
        { "POST", "/api/v1/atp/check", """{ "lines": [ { "sku": "SKU-1", "quantity": 1.5 } ] }""", "lines[0].quantity", Quantity },
        { "POST", "/api/v1/atp/check", """{ "lines": [ { "sku": "SKU-1", "quantity": 1 }, { "sku": "SKU-2", "quantity": 1 }, { "sku": "SKU-1", "quantity": 2 } ] }""", "lines[2].sku", "repeats lines[0].sku; send each SKU once, with its total quantity" },
        { "POST", "/api/v1/atp/check", """{ "lines": [ { "sku": "SKU-1", "quantity": 1 } ], "destinationRegion": "" }""", "destinationRegion", "must not be empty" },
        { "POST", "/api/v1/atp/check", """{ "lines": [ { "sku": "SKU-1", "quantity": 1 } ], "destinationRegion": 3 }""", "destinationRegion", "must be a string" },
        { "POST", "/api/v1/atp/check", """[ { "sku": "SKU-1", "quantity": 1 } ]""", "body", "must be a JSON object" },

        // POST /api/v1/reservations
        { "POST", "/api/v1/reservations", """{ "lines": [ { "sku": "SKU-1", "quantity": 1 } ] }""", "reservationId", "is required" },
        { "POST", "/api/v1/reservations", """{ "reservationId": "r 1", "lines": [ { "sku": "SKU-1", "quantity": 1 } ] }""", "reservationId", Charset },
        { "POST", "/api/v1/reservations", $$"""{ "reservationId": "{{new string('r', 129)}}", "lines": [ { "sku": "SKU-1", "quantity": 1 } ] }""", "reservationId", "must be at most 128 characters" },
        { "POST", "/api/v1/reservations", """{ "reservationId": "r-1" }""", "lines", "is required" },
        { "POST", "/api/v1/reservations", """{ "reservationId": "r-1", "lines": [ { "sku": "SKU-1", "quantity": 1 }, { "sku": "SKU-2", "quantity": 1 }, { "sku": "SKU-3", "quantity": 0 } ] }""", "lines[2].quantity", Quantity },
        { "POST", "/api/v1/reservations", """{ "reservationId": "r-1", "lines": [ { "sku": "SKU-1", "quantity": 1 }, { "sku": "SKU-1", "quantity": 1 } ] }""", "lines[1].sku", "repeats lines[0].sku; send each SKU once, with its total quantity" },
        { "POST", "/api/v1/reservations", """{ "reservationId": "r-1", "lines": [ { "sku": "SKU-1", "quantity": 1 } ], "ttlSeconds": 29 }""", "ttlSeconds", "must be an integer from 30 to 14400" },
        { "POST", "/api/v1/reservations", """{ "reservationId": "r-1", "lines": [ { "sku": "SKU-1", "quantity": 1 } ], "ttlSeconds": 14401 }""", "ttlSeconds", "must be an integer from 30 to 14400" },
        { "POST", "/api/v1/reservations", """{ "reservationId": "r-1", "lines": [ { "sku": "SKU-1", "quantity": 1 } ], "ttlSeconds": "900" }""", "ttlSeconds", "must be an integer from 30 to 14400" },
        { "POST", "/api/v1/reservations", """{ "reservationId": "r-1", "lines": [ { "sku": "SKU-1", "quantity": 1 } ], "destinationRegion": "us east" }""", "destinationRegion", Charset },
        { "POST", "/api/v1/reservations", """{ "reservationId": 123, "lines": [ { "sku": "SKU-1", "quantity": 1 } ] }""", "reservationId", "must be a string" },

        // POST /api/v1/reservations/{id}/confirm, DELETE and GET /api/v1/reservations/{id}
        { "POST", "/api/v1/reservations/r-1/confirm", """{}""", "orderId", "is required" },
        { "POST", "/api/v1/reservations/r-1/confirm", """{ "orderId": "" }""", "orderId", "must not be empty" },
        { "POST", "/api/v1/reservations/r-1/confirm", """{ "orderId": "o 1" }""", "orderId", Charset },
        { "POST", "/api/v1/reservations/r-1/confirm", """{ "orderId": 1 }""", "orderId", "must be a string" },
        { "POST", "/api/v1/reservations/r%201/confirm", """{ "orderId": "o-1" }""", "id", Charset },
        { "DELETE", "/api/v1/reservations/r%201", null, "id", Charset },
        { "GET", "/api/v1/reservations/r%201", null, "id", Charset },
        { "GET", $"/api/v1/reservations/{new string('r', 129)}", null, "id", "must be at most 128 characters" },

        // PUT /api/v1/inventory/{warehouseId}/{sku}
        { "PUT", "/api/v1/inventory/WH-EAST/SKU-1", """{ "safetyStock": 0 }""", "onHand", "is required" },
        { "PUT", "/api/v1/inventory/WH-EAST/SKU-1", """{ "onHand": 5 }""", "safetyStock", "is required" },
        { "PUT", "/api/v1/inventory/WH-EAST/SKU-1", """{ "onHand": -1, "safetyStock": 0 }""", "onHand", Level },
        { "PUT", "/api/v1/inventory/WH-EAST/SKU-1", """{ "onHand": 100000001, "safetyStock": 0 }""", "onHand", Level },
        { "PUT", "/api/v1/inventory/WH-EAST/SKU-1", """{ "onHand": 5, "safetyStock": -1 }""", "safetyStock", Level },
        { "PUT", "/api/v1/inventory/WH-EAST/SKU-1", """{ "onHand": 5, "safetyStock": 0, "inbound": -1 }""", "inbound", Level },
        { "PUT", "/api/v1/inventory/WH-EAST/SKU-1", """{ "onHand": "5", "safetyStock": 0 }""", "onHand", Level },
        { "PUT", "/api/v1/inventory/WH-EAST/SKU-1", """{ "onHand": 9999999999, "safetyStock": 0 }""", "onHand", Level },
        { "PUT", "/api/v1/inventory/WH-EAST/SKU%201", """{ "onHand": 5, "safetyStock": 0 }""", "sku", Charset },
    };

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task BrokenRule_Returns400NamingTheField(string method, string path, string? body, string field, string message)
    {
        var response = await Send(method, path, body);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Invalid request", problem.Title);
        Assert.Equal("1 field is invalid; nothing was changed.", problem.Detail);
        var (key, messages) = Assert.Single(problem.Errors);
        Assert.Equal(field, key);
        Assert.Equal([message], messages);
    }

    [Fact]
    public async Task PlaceReservation_WithSeveralBrokenRules_NamesEveryFieldAndHoldsNothing()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 10);
        var body = """
            { "reservationId": "r-1", "ttlSeconds": 5, "destinationRegion": "",
              "lines": [ { "sku": "SKU-1", "quantity": 2 }, { "sku": "", "quantity": 1 }, { "sku": "SKU-3", "quantity": -4 } ] }
            """;

        var problem = await Problem.ReadAsync(await Send("POST", "/api/v1/reservations", body), HttpStatusCode.BadRequest);

        Assert.Equal("4 fields are invalid; nothing was changed.", problem.Detail);
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["lines[1].sku"] = ["must not be empty"],
                ["lines[2].quantity"] = [Quantity],
                ["ttlSeconds"] = ["must be an integer from 30 to 14400"],
                ["destinationRegion"] = ["must not be empty"],
            },
            problem.Errors);
        await _host.GetReservationAsync("r-1", HttpStatusCode.NotFound);
        Assert.Equal(10, await _host.AvailableAsync("SKU-1"));
    }

    [Fact]
    public async Task SetInventory_WithNoLevels_NamesBothAndChangesNothing()
    {
        var problem = await Problem.ReadAsync(await Send("PUT", "/api/v1/inventory/WH-EAST/SKU-1", "{}"), HttpStatusCode.BadRequest);

        Assert.Equal(new Dictionary<string, string[]> { ["onHand"] = ["is required"], ["safetyStock"] = ["is required"] }, problem.Errors);
        Assert.Empty((await _host.GetAtpAsync("SKU-1")).GetProperty("warehouses").EnumerateArray());
    }

    [Theory]
    [InlineData("POST", "/api/v1/atp/check")]
    [InlineData("POST", "/api/v1/reservations")]
    [InlineData("POST", "/api/v1/reservations/r-1/confirm")]
    [InlineData("PUT", "/api/v1/inventory/WH-EAST/SKU-1")]
    public async Task MalformedJson_Returns400NamingThePosition(string method, string path)
    {
        var problem = await Problem.ReadAsync(await Send(method, path, "{\n  \"lines\": }"), HttpStatusCode.BadRequest);

        Assert.Equal("Malformed JSON", problem.Title);
        Assert.Equal("The body is not valid JSON at line 2, byte 12: '}' is an invalid start of a value.", problem.Detail);
        Assert.Equal(2, problem.Root.GetProperty("line").GetInt32());
        Assert.Equal(12, problem.Root.GetProperty("bytePositionInLine").GetInt32());
    }

    [Theory]
    [InlineData("POST", "/api/v1/atp/check")]
    [InlineData("POST", "/api/v1/reservations")]
    [InlineData("POST", "/api/v1/reservations/r-1/confirm")]
    [InlineData("PUT", "/api/v1/inventory/WH-EAST/SKU-1")]
    public async Task EmptyBody_Returns400(string method, string path)
    {
        var problem = await Problem.ReadAsync(await Send(method, path, string.Empty), HttpStatusCode.BadRequest);

        Assert.Equal("Malformed JSON", problem.Title);
    }

    [Theory]
    [InlineData("POST", "/api/v1/atp/check")]
    [InlineData("POST", "/api/v1/reservations")]
    [InlineData("POST", "/api/v1/reservations/r-1/confirm")]
    [InlineData("PUT", "/api/v1/inventory/WH-EAST/SKU-1")]
    public async Task BodyNotJson_Returns415Problem(string method, string path)
    {
        var content = new StringContent("""{ "onHand": 1 }""", System.Text.Encoding.UTF8, "text/plain");

        var response = await _host.SendAsync(new HttpMethod(method), path, content, KeyFor(path));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Unsupported media type", problem.Title);
        Assert.Equal("Content-Type text/plain; charset=utf-8 is not supported; send the body as application/json.", problem.Detail);
    }

    [Fact]
    public async Task SetInventory_UnknownWarehouse_Returns404NamingTheFieldAndChangesNothing()
    {
        var response = await Send("PUT", "/api/v1/inventory/WH-NORTH/SKU-1", """{ "onHand": 5, "safetyStock": 0 }""");

        var problem = await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Unknown warehouse", problem.Title);
        Assert.Equal("No warehouse 'WH-NORTH' is configured; nothing was changed.", problem.Detail);
        Assert.Equal(
            new Dictionary<string, string[]> { ["warehouseId"] = ["must be one of the configured warehouses: WH-CENTRAL, WH-EAST, WH-WEST"] },
            problem.Errors);
        Assert.Empty((await _host.GetAtpAsync("SKU-1")).GetProperty("warehouses").EnumerateArray());
    }

    [Fact]
    public async Task UnknownMembers_AreIgnored()
    {
        var response = await Send("POST", "/api/v1/atp/check", """{ "lines": [ { "sku": "SKU-1", "quantity": 1, "giftWrap": true } ], "coupon": "X" }""");

        await JsonBody.ReadAsync(response);
    }

    private static string KeyFor(string path) => path.StartsWith("/api/v1/inventory", StringComparison.Ordinal) ? TestKeys.Ops : TestKeys.Storefront;

    private Task<HttpResponseMessage> Send(string method, string path, string? body) =>
        body is null
            ? _host.SendAsync(new HttpMethod(method), path, apiKey: KeyFor(path))
            : _host.SendJsonAsync(new HttpMethod(method), path, body, KeyFor(path));
}
