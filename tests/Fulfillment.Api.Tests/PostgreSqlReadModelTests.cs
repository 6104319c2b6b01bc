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
        await using (var stopped = OtherProcessStore())
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

    [Fact]
    public async Task Stream_OnPostgreSql_SendsAlertChangesOfEveryProcessInFeedOrderAndResumes()
    {
        await using var host = await StartAsync(s =>
        {
            s.Configuration["Sla:PickToPackStall"] = "00:00:30";
            s.Configuration["ReadModel:HeartbeatInterval"] = "01:00:00";
        });
        await JsonBody.ReadAsync(await host.PlaceOrderAsync(OrderRequests.OrderBody("o-1")), HttpStatusCode.Created);
        await host.PostAcceptedAsync(OrderRequests.StageAt("o-1", "picked", "2026-01-01T00:00:00Z"));
        await host.WaitForStageAsync("o-1", "picked");
        await using var stream = await ServerSentEvents.OpenAsync(host);
        Assert.Equal(": connected", await stream.NextAsync());

        await CommitAsAnotherProcessAsync(OtherAlert(version: 1, status: "open"));
        Assert.Equal($"id: 1\ndata: {OtherAlertJson("open")}", await stream.NextAsync());

        host.Settings.Time.Advance(TimeSpan.FromSeconds(30));
        var own = await stream.NextAsync();
        Assert.StartsWith("id: 2\ndata: {\"alertId\":\"o-1:pick_to_pack_stall\"", own, StringComparison.Ordinal);

        await CommitAsAnotherProcessAsync(OtherAlert(version: 2, status: "resolved"));
        Assert.Equal($"id: 3\ndata: {OtherAlertJson("resolved")}", await stream.NextAsync());

        await using var resumed = await ServerSentEvents.OpenAsync(host, lastEventId: "1");
        Assert.Equal(": connected", await resumed.NextAsync());
        Assert.Equal(own, await resumed.NextAsync());
        Assert.Equal($"id: 3\ndata: {OtherAlertJson("resolved")}", await resumed.NextAsync());
    }

    /// <summary>An alert of an order another process owns.</summary>
    private static AlertRow OtherAlert(long version, string status)
    {
        var raised = DateTimeOffset.Parse("2026-01-01T00:00:10Z", System.Globalization.CultureInfo.InvariantCulture);
        return new AlertRow("o-9:label_to_scan_stall", "o-9", "label_to_scan_stall", status, raised, status == "resolved" ? raised.AddMinutes(1) : null, raised, "WH-WEST", "ups", version);
    }

    private static string OtherAlertJson(string status) =>
        "{\"alertId\":\"o-9:label_to_scan_stall\",\"orderId\":\"o-9\",\"kind\":\"label_to_scan_stall\",\"raisedAt\":\"2026-01-01T00:00:10Z\","
        + $"\"status\":\"{status}\",\"resolvedAt\":{(status == "resolved" ? "\"2026-01-01T00:01:10Z\"" : "null")},\"dueAt\":\"2026-01-01T00:00:10Z\","
        + "\"warehouseId\":\"WH-WEST\",\"carrier\":\"ups\"}";

    /// <summary>Commits the alert change through a store of its own on the same schema, as another process's projector would.</summary>
    private async Task CommitAsAnotherProcessAsync(AlertRow alert)
    {
        await using var other = OtherProcessStore();
        await other.InitializeAsync(CancellationToken.None);
        Assert.Single(await other.ApplyAsync(new ProjectionBatch([], [alert], [], []), CancellationToken.None));
    }

    /// <summary>A read-model store on this test's schema: what another process of the cluster writes through.</summary>
    private PostgreSqlReadModelStore OtherProcessStore() =>
        new(new PostgreSqlReadModelOptions { ConnectionString = _schema.ConnectionString, Schema = _schema.Name });

    private Task<ApiHost> StartAsync(Action<ApiHostSettings>? configure = null) => ApiHost.StartAsync(s =>
    {
        s.Configuration["Storage:Provider"] = "PostgreSql";
        s.Configuration["ConnectionStrings:Fulfillment"] = _schema.ConnectionString;
        s.Configuration["Storage:PostgreSql:Schema"] = _schema.Name;
        configure?.Invoke(s);
    });
}
