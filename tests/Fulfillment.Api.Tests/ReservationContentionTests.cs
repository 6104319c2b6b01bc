using System.Net;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

/// <summary>Many shoppers after the last units of one SKU at once, over real HTTP: exactly the stock is held.</summary>
public sealed class ReservationContentionTests : IAsyncLifetime
{
    private const int Shoppers = 500;
    private const int Stock = 100;

    private ApiHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ApiHost.StartAsync(s => s.Configuration["RateLimiting:Storefront:Enabled"] = "false");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ConcurrentReservationsForOneUnit_HoldExactlyTheStock_AndRefuseTheRestWithShortLines()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-HOT", onHand: Stock);

        var answers = await Task.WhenAll(Enumerable.Range(0, Shoppers).Select(async i =>
        {
            using var response = await _host.PlaceAsync($"r-{i}", [("SKU-HOT", 1)]);
            return (response.StatusCode, Body: await JsonBody.ReadAsync(response, response.StatusCode));
        }));

        Assert.Equal(Stock, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(Shoppers - Stock, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.All(
            answers.Where(a => a.StatusCode == HttpStatusCode.Conflict),
            a => Assert.Equal(0, a.Body.GetProperty("shortLines")[0].GetProperty("available").GetInt32()));
        var row = await _host.InventoryRowAsync("WH-EAST", "SKU-HOT");
        Assert.Equal((Stock, 0), (row!.Reserved, row.Available));
        Assert.Equal(0, await _host.AvailableAsync("SKU-HOT"));
    }

    [Fact]
    public async Task AnsweredReservation_IsInTheAtpAtOnce()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 10);
        Assert.Equal(10, await _host.AvailableAsync("SKU-1"));

        Assert.Equal(HttpStatusCode.Created, (await _host.PlaceAsync("r-1", [("SKU-1", 3)])).StatusCode);
        Assert.Equal(7, await _host.AvailableAsync("SKU-1"));

        Assert.Equal(HttpStatusCode.NoContent, (await _host.SendAsync(HttpMethod.Delete, "/api/v1/reservations/r-1", apiKey: TestKeys.Storefront)).StatusCode);
        Assert.Equal(10, await _host.AvailableAsync("SKU-1"));
    }
}
