using System.Net;
using Fulfillment.Api.Tests.Support;
using Grains.PostgreSql;
using Grains.Testing;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Tests;

/// <summary>The service on <c>Storage:Provider=PostgreSql</c>, on a schema of this test's own on the test server.</summary>
public sealed class PostgreSqlStorageTests : IAsyncLifetime
{
    private readonly PostgreSqlTestSchema _schema = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Start_OnPostgreSql_IngestedEventIsStoredDeliveredAndRecognisedAfterRestart()
    {
        var created = CloudEvents.OrderCreated("o-42").ToJsonString();
        await using (var first = await StartAsync())
        {
            var delivered = first.Signals.WaitFor("delivered:o-42");

            var response = await first.PostEventsAsync(created, "application/cloudevents+json");

            Assert.Equal(1, (await JsonBody.ReadAsync(response, HttpStatusCode.Accepted)).GetProperty("accepted").GetInt32());
            await delivered;
            Assert.IsType<PostgreSqlStreamLog>(first.Log);
            var stored = Assert.Single(await first.ReadLogAsync());
            Assert.Equal(("orders", "o-42", "12:urn:test:wms:created-o-42"), (stored.Namespace, stored.Key, stored.EventId));
            await first.SetStockAsync("WH-EAST", "SKU-1", onHand: 10, safetyStock: 1);
        }

        await using var second = await StartAsync();

        var again = await second.PostEventsAsync(created, "application/cloudevents+json");
        Assert.Equal(1, (await JsonBody.ReadAsync(again, HttpStatusCode.Accepted)).GetProperty("duplicates").GetInt32());
        Assert.Equal(9, await second.AvailableAsync("SKU-1"));
        Assert.Equal(1L, await _schema.ExecuteScalarAsync("SELECT COUNT(*) FROM stream_events;"));
    }

    [Fact]
    public async Task Start_OnPostgreSqlWithoutConnectionString_RefusedNamingTheConnectionString()
    {
        var settings = new ApiHostSettings();
        settings.Configuration["Storage:Provider"] = "PostgreSql";
        await using var app = ApiHost.Build(settings, out _);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("ConnectionString is empty", StringComparison.Ordinal) && f.Contains("ConnectionStrings:Fulfillment", StringComparison.Ordinal));
    }

    private Task<ApiHost> StartAsync() => ApiHost.StartAsync(s =>
    {
        s.Configuration["Storage:Provider"] = "PostgreSql";
        s.Configuration["ConnectionStrings:Fulfillment"] = _schema.ConnectionString;
        s.Configuration["Storage:PostgreSql:Schema"] = _schema.Name;
    });
}
