using System.Net;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

/// <summary>Stock and reservations live in the SQLite file: a restart of the service on the same file finds them as they were.</summary>
public sealed class AvailabilityRestartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fulfillment-api-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Restart_KeepsStockAndReservations()
    {
        string held;
        await using (var first = await StartAsync())
        {
            await first.SetStockAsync("WH-EAST", "SKU-1", onHand: 10, safetyStock: 1, inbound: 4);
            await first.SetStockAsync("WH-WEST", "SKU-1", onHand: 3);
            held = (await JsonBody.ReadAsync(await first.PlaceAsync("r-1", [("SKU-1", 2)]), HttpStatusCode.Created)).GetRawText();
            await JsonBody.ReadAsync(await first.PlaceAsync("r-2", [("SKU-1", 3)]), HttpStatusCode.Created);
            await JsonBody.ReadAsync(await first.ConfirmAsync("r-2", "o-2"));
            await JsonBody.ReadAsync(await first.PlaceAsync("r-3", [("SKU-1", 1)]), HttpStatusCode.Created);
            Assert.Equal(HttpStatusCode.NoContent, (await first.ReleaseAsync("r-3")).StatusCode);
        }

        await using var second = await StartAsync();

        JsonAssert.Equal(held, await second.GetReservationAsync("r-1"));
        Assert.Equal("confirmed", (await second.GetReservationAsync("r-2")).GetProperty("status").GetString());
        Assert.Equal("released", (await second.GetReservationAsync("r-3")).GetProperty("status").GetString());
        JsonAssert.Equal(
            """
            { "sku": "SKU-1", "available": 7, "canPromise": true, "asOf": "2026-01-01T00:00:00Z",
              "warehouses": [
                { "warehouseId": "WH-EAST", "onHand": 10, "reserved": 5, "safetyStock": 1, "available": 4, "inbound": 4 },
                { "warehouseId": "WH-WEST", "onHand": 3, "reserved": 0, "safetyStock": 0, "available": 3, "inbound": 0 } ] }
            """,
            await second.GetAtpAsync("SKU-1"));

        var again = await second.PlaceAsync("r-1", [("SKU-1", 2)]);

        JsonAssert.Equal(held, await JsonBody.ReadAsync(again, HttpStatusCode.Created));
        Assert.Equal(5, (await second.InventoryRowAsync("WH-EAST", "SKU-1"))!.Reserved);
    }

    private Task<ApiHost> StartAsync() => ApiHost.StartAsync(s =>
    {
        s.Configuration["Storage:Provider"] = "Sqlite";
        s.Configuration["Storage:Sqlite:DataSource"] = Path.Combine(_directory, "fulfillment.db");
    });
}
