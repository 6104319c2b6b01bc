using System.Net;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

public sealed class ReservationsApiTests : IAsyncLifetime
{
    private const string Held = """
        { "reservationId": "r-1", "status": "held", "expiresAt": "2026-01-01T00:15:00Z",
          "lines": [ { "sku": "SKU-1", "quantity": 2, "warehouseId": "WH-EAST" }, { "sku": "SKU-2", "quantity": 1, "warehouseId": "WH-EAST" } ] }
        """;

    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 10);
        await _host.SetStockAsync("WH-EAST", "SKU-2", onHand: 3);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Place_Returns201WithTheHeldLinesAndLocation()
    {
        var response = await _host.PlaceAsync("r-1", [("SKU-1", 2), ("SKU-2", 1)]);

        JsonAssert.Equal(Held, await JsonBody.ReadAsync(response, HttpStatusCode.Created));
        Assert.Equal("/api/v1/reservations/r-1", response.Headers.Location?.OriginalString);
        Assert.Equal(2, (await _host.InventoryRowAsync("WH-EAST", "SKU-1"))!.Reserved);
        Assert.Equal(1, (await _host.InventoryRowAsync("WH-EAST", "SKU-2"))!.Reserved);
        await _host.WaitForAvailableAsync("SKU-1", 8);
    }

    [Fact]
    public async Task Place_TtlSeconds_SetsTheExpiry()
    {
        var body = await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 1)], ttlSeconds: 30), HttpStatusCode.Created);

        Assert.Equal("2026-01-01T00:00:30Z", body.GetProperty("expiresAt").GetString());
    }

    [Fact]
    public async Task Place_SplitLine_IsHeldInEachWarehouse()
    {
        await _host.SetStockAsync("WH-WEST", "SKU-1", onHand: 4);

        var body = await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 12)]), HttpStatusCode.Created);

        JsonAssert.Equal(
            """
            [ { "sku": "SKU-1", "quantity": 10, "warehouseId": "WH-EAST" }, { "sku": "SKU-1", "quantity": 2, "warehouseId": "WH-WEST" } ]
            """,
            body.GetProperty("lines"));
        await _host.WaitForAvailableAsync("SKU-1", 2);
    }

    [Fact]
    public async Task Place_SameIdAgain_Returns201WithTheSameBodyAndHoldsNothingTwice()
    {
        var first = await _host.PlaceAsync("r-1", [("SKU-1", 2), ("SKU-2", 1)]);
        _host.Settings.Time.Advance(TimeSpan.FromSeconds(5));

        var again = await _host.PlaceAsync("r-1", [("SKU-1", 2), ("SKU-2", 1)]);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(2, (await _host.InventoryRowAsync("WH-EAST", "SKU-1"))!.Reserved);
        Assert.Equal(1, (await _host.InventoryRowAsync("WH-EAST", "SKU-2"))!.Reserved);
    }

    [Fact]
    public async Task Place_SameIdWithOtherLines_Returns409AndChangesNothing()
    {
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 2)]), HttpStatusCode.Created);

        var problem = await Problem.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 3)]), HttpStatusCode.Conflict);

        Assert.Equal("Reservation conflict", problem.Title);
        Assert.Contains("'r-1'", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await _host.InventoryRowAsync("WH-EAST", "SKU-1"))!.Reserved);
    }

    [Fact]
    public async Task Place_ShortLine_Returns409WithShortLinesAndHoldsNothing()
    {
        var response = await _host.PlaceAsync("r-1", [("SKU-1", 2), ("SKU-2", 5), ("SKU-3", 1)]);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("Insufficient stock", problem.Title);
        Assert.Equal("2 of 3 lines cannot be held; nothing is held.", problem.Detail);
        JsonAssert.Equal(
            """[ { "sku": "SKU-2", "requested": 5, "available": 3 }, { "sku": "SKU-3", "requested": 1, "available": 0 } ]""",
            problem.Root.GetProperty("shortLines"));
        Assert.Equal(0, (await _host.InventoryRowAsync("WH-EAST", "SKU-1"))!.Reserved);
        Assert.Equal(0, (await _host.InventoryRowAsync("WH-EAST", "SKU-2"))!.Reserved);
        await _host.GetReservationAsync("r-1", HttpStatusCode.NotFound);
        Assert.Equal(10, await _host.AvailableAsync("SKU-1"));
    }

    [Fact]
    public async Task Place_AfterAShortRefusal_SameIdHoldsOnceStockArrives()
    {
        await Problem.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-2", 5)]), HttpStatusCode.Conflict);
        await _host.SetStockAsync("WH-EAST", "SKU-2", onHand: 5);

        var body = await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-2", 5)]), HttpStatusCode.Created);

        Assert.Equal("held", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Confirm_Returns200ConfirmedWithTheOrderAndNoExpiry()
    {
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 2), ("SKU-2", 1)]), HttpStatusCode.Created);

        var body = await JsonBody.ReadAsync(await _host.ConfirmAsync("r-1", "o-1"));

        JsonAssert.Equal(
            """
            { "reservationId": "r-1", "status": "confirmed", "orderId": "o-1",
              "lines": [ { "sku": "SKU-1", "quantity": 2, "warehouseId": "WH-EAST" }, { "sku": "SKU-2", "quantity": 1, "warehouseId": "WH-EAST" } ] }
            """,
            body);
        Assert.Equal(2, (await _host.InventoryRowAsync("WH-EAST", "SKU-1"))!.Reserved);
    }

    [Fact]
    public async Task Confirm_AgainForTheSameOrder_Returns200AndForAnotherOrder409()
    {
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 2)]), HttpStatusCode.Created);
        await JsonBody.ReadAsync(await _host.ConfirmAsync("r-1", "o-1"));

        var again = await JsonBody.ReadAsync(await _host.ConfirmAsync("r-1", "o-1"));
        var other = await Problem.ReadAsync(await _host.ConfirmAsync("r-1", "o-2"), HttpStatusCode.Conflict);

        Assert.Equal("confirmed", again.GetProperty("status").GetString());
        Assert.Equal("Reservation conflict", other.Title);
        Assert.Contains("'r-1' is confirmed for order 'o-1'", other.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_Unknown_Returns404()
    {
        var problem = await Problem.ReadAsync(await _host.ConfirmAsync("r-404", "o-1"), HttpStatusCode.NotFound);

        Assert.Equal("Reservation not found", problem.Title);
        Assert.Equal("No reservation has id 'r-404'.", problem.Detail);
    }

    [Fact]
    public async Task Confirm_AfterExpiry_Returns409AndTheStockIsBack()
    {
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 4)], ttlSeconds: 30), HttpStatusCode.Created);
        await _host.WaitForAvailableAsync("SKU-1", 6);

        // The hold's expiry reminder was registered before the hold answered; advancing to the expiry fires it.
        _host.Settings.Time.Advance(TimeSpan.FromSeconds(30));
        var problem = await Problem.ReadAsync(await _host.ConfirmAsync("r-1", "o-1"), HttpStatusCode.Conflict);

        Assert.Equal("Reservation expired", problem.Title);
        Assert.Equal("Reservation 'r-1' expired at 2026-01-01T00:00:30Z; its stock was returned.", problem.Detail);
        Assert.Equal("expired", (await _host.GetReservationAsync("r-1")).GetProperty("status").GetString());
        await _host.WaitForAvailableAsync("SKU-1", 10);
    }

    [Fact]
    public async Task Confirm_Released_Returns409()
    {
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 2)]), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.ReleaseAsync("r-1")).StatusCode);

        var problem = await Problem.ReadAsync(await _host.ConfirmAsync("r-1", "o-1"), HttpStatusCode.Conflict);

        Assert.Equal("Reservation conflict", problem.Title);
        Assert.Contains("'r-1' was released", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_Returns204AndTheStockIsBackAtOnce()
    {
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 4)]), HttpStatusCode.Created);
        await _host.WaitForAvailableAsync("SKU-1", 6);

        var response = await _host.ReleaseAsync("r-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, (await _host.InventoryRowAsync("WH-EAST", "SKU-1"))!.Reserved);
        await _host.WaitForAvailableAsync("SKU-1", 10);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.ReleaseAsync("r-1")).StatusCode);
    }

    [Fact]
    public async Task Release_Unknown_Returns404()
    {
        var problem = await Problem.ReadAsync(await _host.ReleaseAsync("r-404"), HttpStatusCode.NotFound);

        Assert.Equal("No reservation has id 'r-404'.", problem.Detail);
    }

    [Fact]
    public async Task Release_Confirmed_Returns204AndTheAllocationReturns()
    {
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 2)]), HttpStatusCode.Created);
        await JsonBody.ReadAsync(await _host.ConfirmAsync("r-1", "o-1"));

        var response = await _host.ReleaseAsync("r-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, (await _host.InventoryRowAsync("WH-EAST", "SKU-1"))!.Reserved);
        Assert.Equal("released", (await _host.GetReservationAsync("r-1")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Release_Expired_Returns204AndStaysExpired()
    {
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 4)], ttlSeconds: 30), HttpStatusCode.Created);
        _host.Settings.Time.Advance(TimeSpan.FromSeconds(30));

        var response = await _host.ReleaseAsync("r-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("expired", (await _host.GetReservationAsync("r-1")).GetProperty("status").GetString());
        Assert.Equal(0, (await _host.InventoryRowAsync("WH-EAST", "SKU-1"))!.Reserved);
        await _host.WaitForAvailableAsync("SKU-1", 10);
    }

    [Fact]
    public async Task Get_ShowsEachStatus()
    {
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 2), ("SKU-2", 1)]), HttpStatusCode.Created);
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-2", [("SKU-1", 1)]), HttpStatusCode.Created);
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-3", [("SKU-1", 1)]), HttpStatusCode.Created);
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-4", [("SKU-1", 1)], ttlSeconds: 30), HttpStatusCode.Created);
        await JsonBody.ReadAsync(await _host.ConfirmAsync("r-2", "o-2"));
        Assert.Equal(HttpStatusCode.NoContent, (await _host.ReleaseAsync("r-3")).StatusCode);

        JsonAssert.Equal(Held, await _host.GetReservationAsync("r-1"));
        JsonAssert.Equal(
            """{ "reservationId": "r-2", "status": "confirmed", "orderId": "o-2", "lines": [ { "sku": "SKU-1", "quantity": 1, "warehouseId": "WH-EAST" } ] }""",
            await _host.GetReservationAsync("r-2"));
        JsonAssert.Equal(
            """{ "reservationId": "r-3", "status": "released", "expiresAt": "2026-01-01T00:15:00Z", "lines": [ { "sku": "SKU-1", "quantity": 1, "warehouseId": "WH-EAST" } ] }""",
            await _host.GetReservationAsync("r-3"));
        Assert.Equal("held", (await _host.GetReservationAsync("r-4")).GetProperty("status").GetString());

        _host.Settings.Time.Advance(TimeSpan.FromSeconds(30));

        JsonAssert.Equal(
            """{ "reservationId": "r-4", "status": "expired", "expiresAt": "2026-01-01T00:00:30Z", "lines": [ { "sku": "SKU-1", "quantity": 1, "warehouseId": "WH-EAST" } ] }""",
            await _host.GetReservationAsync("r-4"));
        Assert.Equal("held", (await _host.GetReservationAsync("r-1")).GetProperty("status").GetString());
        await _host.WaitForAvailableAsync("SKU-1", 10 - 2 - 1);
    }

    [Fact]
    public async Task Get_Unknown_Returns404()
    {
        var response = await _host.SendAsync(HttpMethod.Get, "/api/v1/reservations/r-404", apiKey: TestKeys.Storefront);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Reservation not found", problem.Title);
    }

    [Fact]
    public async Task Place_EscapedIdInLocation_FindsTheReservation()
    {
        var response = await _host.PlaceAsync("cart:42.a_b-c", [("SKU-1", 1)]);

        await JsonBody.ReadAsync(response, HttpStatusCode.Created);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal("/api/v1/reservations/cart%3A42.a_b-c", location);
        var found = await JsonBody.ReadAsync(await _host.SendAsync(HttpMethod.Get, location, apiKey: TestKeys.Storefront));
        Assert.Equal("cart:42.a_b-c", found.GetProperty("reservationId").GetString());
    }
}
