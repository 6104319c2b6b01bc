using System.Net;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

/// <summary>
/// The alert stream over real HTTP: a stall alert raised by the order's reminder (manual clock, no further event)
/// arrives as an event, its resolution by the late event as the next one, heartbeats keep a quiet stream alive, and a
/// client reconnecting with Last-Event-ID gets what it missed.
/// </summary>
public sealed class AlertStreamTests : IAsyncLifetime
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(45);

    private const string Raised = """
        {"alertId":"o-1:pick_to_pack_stall","orderId":"o-1","kind":"pick_to_pack_stall","raisedAt":"2026-01-01T00:00:30Z","status":"open","resolvedAt":null,"dueAt":"2026-01-01T00:00:30Z","warehouseId":"WH-EAST","carrier":null}
        """;

    private const string Resolved = """
        {"alertId":"o-1:pick_to_pack_stall","orderId":"o-1","kind":"pick_to_pack_stall","raisedAt":"2026-01-01T00:00:30Z","status":"resolved","resolvedAt":"2026-01-01T00:00:45Z","dueAt":"2026-01-01T00:00:30Z","warehouseId":"WH-EAST","carrier":null}
        """;

    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(s =>
    {
        s.Configuration["Sla:PickToPackStall"] = "00:00:30";
        s.Configuration["ReadModel:HeartbeatInterval"] = "00:00:45";
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Stream_SendsRaisedAndResolvedAlertsAndHeartbeats_AndResumesAfterLastEventId()
    {
        await JsonBody.ReadAsync(await _host.PlaceOrderAsync(OrderRequests.OrderBody("o-1")), HttpStatusCode.Created);
        await _host.PostAcceptedAsync(OrderRequests.StageAt("o-1", "picked", "2026-01-01T00:00:00Z"));
        await _host.WaitForStageAsync("o-1", "picked");

        await using var stream = await ServerSentEvents.OpenAsync(_host);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(": connected", await stream.NextAsync());

        // No event comes: the order's reminder raises the alert at its deadline.
        _host.Settings.Time.Advance(Stall);
        Assert.Equal($"id: 1\ndata: {Raised.Trim()}", await stream.NextAsync());

        // The heartbeat timer started with the stream: it ticks once the clock reaches 45 s.
        _host.Settings.Time.Advance(Heartbeat - Stall);
        Assert.Equal(": heartbeat", await stream.NextAsync());

        await _host.PostAcceptedAsync(OrderRequests.StageAt("o-1", "packed", "2026-01-01T00:00:40Z"));
        Assert.Equal($"id: 2\ndata: {Resolved.Trim()}", await stream.NextAsync());

        await using var resumed = await ServerSentEvents.OpenAsync(_host, lastEventId: "1");
        Assert.Equal(": connected", await resumed.NextAsync());
        Assert.Equal($"id: 2\ndata: {Resolved.Trim()}", await resumed.NextAsync());
    }

    [Fact]
    public async Task Stream_WithoutLastEventId_StartsWithTheOpenAlerts()
    {
        await JsonBody.ReadAsync(await _host.PlaceOrderAsync(OrderRequests.OrderBody("o-1")), HttpStatusCode.Created);
        await _host.PostAcceptedAsync(OrderRequests.StageAt("o-1", "picked", "2026-01-01T00:00:00Z"));
        await _host.WaitForStageAsync("o-1", "picked");
        _host.Settings.Time.Advance(Stall);
        await _host.WaitForAsync("/api/v1/alerts?status=open", a => a.GetProperty("items").GetArrayLength() == 1, "the stall alert listed");

        await using var stream = await ServerSentEvents.OpenAsync(_host);

        Assert.Equal(": connected", await stream.NextAsync());
        Assert.Equal($"id: 1\ndata: {Raised.Trim()}", await stream.NextAsync());
    }

    [Fact]
    public async Task Stream_MalformedLastEventId_Returns400()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/alerts/stream");
        request.Headers.Add("X-Api-Key", TestKeys.Ops);
        request.Headers.Add("Last-Event-ID", "yesterday");

        var problem = await Problem.ReadAsync(await _host.Client.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal(["must be a non-negative integer: the id of the last event received"], problem.Errors["Last-Event-ID"]);
    }
}
