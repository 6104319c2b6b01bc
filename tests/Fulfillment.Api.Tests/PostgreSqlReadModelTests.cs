using System.Net;
using Fulfillment.Api.Tests.Support;
using Fulfillment.ReadModels;
using Fulfillment.ReadModels.PostgreSql;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Api.Tests;

/// <summary>
/// The read models on <c>Storage:Provider=PostgreSql</c>: in the grains' schema on the test server, listed through the
/// API, and found as they were by the next process on the same schema.
/// </summary>
public sealed class PostgreSqlReadModelTests : IAsyncLifetime
{
    private readonly PostgreSqlTestSchema _schema = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Restart_OnPostgreSql_OrdersPlacedThroughTheApiAreListedAndKept()
    {
        string orders;
        string alerts;
        await using (var first = await StartAsync())
        {
            Assert.IsType<PostgreSqlReadModelStore>(first.Services.GetRequiredService<IReadModelStore>());
            await JsonBody.ReadAsync(await first.PlaceOrderAsync(OrderRequests.OrderBody("o-1")), HttpStatusCode.Created);
            await JsonBody.ReadAsync(await first.PlaceOrderAsync(OrderRequests.OrderBody("o-2", promise: "2025-12-31T00:00:00Z")), HttpStatusCode.Created);
            await first.PostAcceptedAsync(OrderRequests.StageAt("o-1", "labeled", "2026-01-01T00:00:00Z", carrier: "ups", trackingNumber: "U-1"));
            orders = (await first.WaitForAsync("/api/v1/orders", o => o.GetProperty("items")[0].GetProperty("stage").GetString() == "labeled", "o-1 labeled in the list")).GetRawText();
            alerts = (await first.WaitForAsync("/api/v1/alerts", a => a.GetProperty("items").GetArrayLength() == 1, "o-2's breach listed")).GetRawText();
            var byCarrier = Assert.Single((await first.GetOpsAsync("/api/v1/orders?carrier=ups")).GetProperty("items").EnumerateArray());
            Assert.Equal(("o-1", "U-1"), (byCarrier.GetProperty("orderId").GetString(), byCarrier.GetProperty("trackingNumber").GetString()));
        }

        Assert.Equal(2L, await _schema.ExecuteScalarAsync("SELECT count(*) FROM rm_orders;"));
        await using var second = await StartAsync();

        JsonAssert.Equal(orders, await second.GetOpsAsync("/api/v1/orders"));
        JsonAssert.Equal(alerts, await second.GetOpsAsync("/api/v1/alerts"));
        Assert.Equal(2, await second.Services.GetRequiredService<ReadModelQueries>().Recovery);
        Assert.Equal("o-1 o-2", string.Join(' ', await second.Services.GetRequiredService<IReadModelStore>().MarkedOrdersAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task RecoveryInterval_OnPostgreSql_OrdersMarkedByAStoppedProcessAreProjectedAgainByOneThatRunsOn()
    {
        await using var running = await StartAsync();
        await running.Services.GetRequiredService<ReadModelQueries>().Recovery;
        await JsonBody.ReadAsync(await running.PlaceOrderAsync(OrderRequests.OrderBody("o-1")), HttpStatusCode.Created);
        await running.WaitForAsync("/api/v1/orders", o => o.GetProperty("items").GetArrayLength() == 1, "o-1 listed");

        // Another process marked o-1 and stopped before its last change of o-1 reached the read model.
        await using (var stopped = new PostgreSqlReadModelStore(new PostgreSqlReadModelOptions { ConnectionString = _schema.ConnectionString, Schema = _schema.Name }))
        {
            await stopped.InitializeAsync(CancellationToken.None);
            await stopped.ApplyAsync(new ProjectionBatch([], [], ["o-1"], []), CancellationToken.None);
        }

        await _schema.ExecuteScalarAsync("DELETE FROM rm_orders WHERE order_id = 'o-1';");
        JsonAssert.Equal("""{ "items": [] }""", await running.GetOpsAsync("/api/v1/orders"));

        running.Settings.Time.Advance(TimeSpan.FromSeconds(10));

        var listed = await running.WaitForAsync("/api/v1/orders", o => o.GetProperty("items").GetArrayLength() == 1, "o-1 projected again from its grain");
        Assert.Equal("o-1", listed.GetProperty("items")[0].GetProperty("orderId").GetString());
        Assert.Equal(1L, await _schema.ExecuteScalarAsync("SELECT count(*) FROM rm_writers;"));
    }

    private Task<ApiHost> StartAsync() => ApiHost.StartAsync(s =>
    {
        s.Configuration["Storage:Provider"] = "PostgreSql";
        s.Configuration["ConnectionStrings:Fulfillment"] = _schema.ConnectionString;
        s.Configuration["Storage:PostgreSql:Schema"] = _schema.Name;
    });
}
