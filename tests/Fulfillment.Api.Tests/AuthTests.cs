using System.Net;
using Fulfillment.Api.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Post_WithoutKey_Returns401Problem()
    {
        await using var host = await ApiHost.StartAsync();

        var response = await host.PostEventsAsync(CloudEvents.OrderCreated("o-1").ToJsonString(), "application/cloudevents+json", apiKey: null);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("API key required", problem.Title);
        Assert.Equal("This route needs an API key in the X-Api-Key header.", problem.Detail);
        Assert.Equal("ApiKey header=\"X-Api-Key\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Empty(await host.ReadLogAsync());
    }

    [Fact]
    public async Task Post_WithUnknownKey_Returns401Problem()
    {
        await using var host = await ApiHost.StartAsync();

        var response = await host.PostEventsAsync(CloudEvents.OrderCreated("o-1").ToJsonString(), "application/cloudevents+json", apiKey: "not-a-configured-key");

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("The X-Api-Key header does not hold a configured API key.", problem.Detail);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Rejected an unknown API key on POST /api/v1/events", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestKeys.Ops, "ops")]
    [InlineData(TestKeys.Storefront, "storefront")]
    public async Task Post_WithKeyOfAnotherRole_Returns403Problem(string key, string role)
    {
        await using var host = await ApiHost.StartAsync();

        var response = await host.PostEventsAsync(CloudEvents.OrderCreated("o-1").ToJsonString(), "application/cloudevents+json", apiKey: key);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("Role required", problem.Title);
        Assert.Equal($"This route needs the role ingest; the API key has {role}.", problem.Detail);
        Assert.Empty(await host.ReadLogAsync());
    }

    [Fact]
    public async Task Post_WithIngestKey_Returns202()
    {
        await using var host = await ApiHost.StartAsync();

        var response = await host.PostEventsAsync(CloudEvents.OrderCreated("o-1").ToJsonString(), "application/cloudevents+json", apiKey: TestKeys.Ingest);

        await JsonBody.ReadAsync(response, HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(TestKeys.Ingest, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Storefront, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Ops, HttpStatusCode.OK)]
    public async Task GetStreams_NeedsTheOpsRole(string? key, HttpStatusCode expected)
    {
        await using var host = await ApiHost.StartAsync();

        var response = await host.SendAsync(HttpMethod.Get, "/api/v1/streams", apiKey: key);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task KeyWithSeveralRoles_PassesEachRolesRoutes()
    {
        await using var host = await ApiHost.StartAsync(s =>
        {
            s.Configuration["Auth:ApiKeys:3:Key"] = "multi-role-key-0123456789";
            s.Configuration["Auth:ApiKeys:3:Roles:0"] = "ops";
            s.Configuration["Auth:ApiKeys:3:Roles:1"] = "ingest";
        });

        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, "/api/v1/streams", apiKey: "multi-role-key-0123456789")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostEventsAsync(CloudEvents.Batch(CloudEvents.OrderCreated("o-1")), apiKey: "multi-role-key-0123456789")).StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/swagger/index.html")]
    public async Task PublicRoutes_NeedNoKey(string path)
    {
        await using var host = await ApiHost.StartAsync();

        var response = await host.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NoKeysInDevelopment_EveryRouteIsOpenAndAWarningIsLogged()
    {
        await using var host = await ApiHost.StartAsync(s => s.WithoutKeys());

        var ingest = await host.PostEventsAsync(CloudEvents.Batch(CloudEvents.OrderCreated("o-1")), apiKey: null);
        var streams = await host.SendAsync(HttpMethod.Get, "/api/v1/streams");

        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, streams.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("every route is open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoKeysInProduction_RefusesToStart()
    {
        var settings = new ApiHostSettings { Environment = "Production" }.WithoutKeys();
        await using var app = ApiHost.Build(settings, out _);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Auth:ApiKeys is empty in the Production environment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysInProduction_Starts()
    {
        await using var host = await ApiHost.StartAsync(s => s.Environment = "Production");

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Get, "/api/v1/streams")).StatusCode);
    }

    [Theory]
    [InlineData("Auth:ApiKeys:0:Key", "short", "Auth:ApiKeys:0 (wms): Key has 5 characters; it must have at least 16.")]
    [InlineData("Auth:ApiKeys:0:Roles:0", "admin", "Auth:ApiKeys:0 (wms): role 'admin' is unknown; roles are storefront, ops, ingest.")]
    [InlineData("Auth:ApiKeys:1:Key", TestKeys.Ingest, "Auth:ApiKeys:1 (operator): Key is configured more than once")]
    public async Task MalformedKeyConfiguration_RefusesToStart(string setting, string value, string message)
    {
        var settings = new ApiHostSettings();
        settings.Configuration[setting] = value;
        await using var app = ApiHost.Build(settings, out _);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
