using System.Net;
using Fulfillment.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Api.Tests;

/// <summary>The read models live in a SQLite file beside the service's database: a restart on the same files finds them as they were.</summary>
public sealed class ReadModelRestartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fulfillment-readmodels-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Restart_KeepsTheOrderAndAlertLists()
    {
        string orders;
        string alerts;
        await using (var first = await StartAsync())
        {
            await JsonBody.ReadAsync(await first.PlaceOrderAsync(OrderRequests.OrderBody("o-1")), HttpStatusCode.Created);
            await JsonBody.ReadAsync(await first.PlaceOrderAsync(OrderRequests.OrderBody("o-2", promise: "2025-12-31T00:00:00Z")), HttpStatusCode.Created);
            await first.PostAcceptedAsync(OrderRequests.StageAt("o-1", "labeled", "2026-01-01T00:00:00Z", carrier: "ups", trackingNumber: "U-1"));
            orders = (await first.WaitForAsync("/api/v1/orders", o => o.GetProperty("items")[0].GetProperty("stage").GetString() == "labeled", "o-1 labeled in the list")).GetRawText();
            alerts = (await first.WaitForAsync("/api/v1/alerts", a => a.GetProperty("items").GetArrayLength() == 1, "o-2's breach listed")).GetRawText();
        }

        Assert.True(File.Exists(Path.Combine(_directory, "fulfillment.readmodels.db")));
        await using var second = await StartAsync();

        JsonAssert.Equal(orders, await second.GetOpsAsync("/api/v1/orders"));
        JsonAssert.Equal(alerts, await second.GetOpsAsync("/api/v1/alerts"));
        Assert.Equal(2, await second.Services.GetRequiredService<Fulfillment.ReadModels.ReadModelQueries>().Recovery);
    }

    private Task<ApiHost> StartAsync() => ApiHost.StartAsync(s =>
    {
        s.Configuration["Storage:Provider"] = "Sqlite";
        s.Configuration["Storage:Sqlite:DataSource"] = Path.Combine(_directory, "fulfillment.db");
    });
}
