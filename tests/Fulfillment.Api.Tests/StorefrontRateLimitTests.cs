using System.Net;
using Fulfillment.Api.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Tests;

/// <summary>
/// The storefront rate limit with a tiny configured window (2 requests an hour), so the limit, not time, decides: each
/// API key has its own window, shared by the ATP and reservation routes; ops routes are not limited.
/// </summary>
public sealed class StorefrontRateLimitTests : IAsyncLifetime
{
    private const string SecondStorefront = "storefront-key-two-0123";

    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(s => Tiny(s));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OverTheLimit_Returns429ProblemWithRetryAfter()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAtp(TestKeys.Storefront)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.SendAsync(HttpMethod.Get, "/api/v1/reservations/r-1", apiKey: TestKeys.Storefront)).StatusCode);

        var response = await _host.CheckCartAsync("us-east", ("SKU-1", 1));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem.Title);
        Assert.Equal("The storefront limit of 2 requests per 3600 s for this API key is spent; retry after 3600 s.", problem.Detail);
        Assert.Equal(TimeSpan.FromSeconds(3600), response.Headers.RetryAfter?.Delta);
        Assert.Contains(_host.Logs.Entries, e => e.Level == LogLevel.Information
            && e.Message == "POST /api/v1/atp/check refused with 429 for key:shop; retry after 3600 s");
    }

    [Fact]
    public async Task EachKey_HasItsOwnWindow()
    {
        await GetAtp(TestKeys.Storefront);
        await GetAtp(TestKeys.Storefront);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAtp(TestKeys.Storefront)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAtp(SecondStorefront)).StatusCode);
    }

    [Fact]
    public async Task RefusedReservation_HoldsNothing()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 5);
        await GetAtp(TestKeys.Storefront);
        await GetAtp(TestKeys.Storefront);

        var response = await _host.PlaceAsync("r-1", [("SKU-1", 1)]);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(0, (await _host.InventoryRowAsync("WH-EAST", "SKU-1"))!.Reserved);
    }

    [Fact]
    public async Task OpsRoutes_AreNotLimited()
    {
        for (var i = 0; i < 5; i++)
        {
            await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: i);
        }

        Assert.Equal(HttpStatusCode.OK, (await GetAtp(TestKeys.Storefront)).StatusCode);
    }

    [Fact]
    public async Task RequestsRefusedByAuth_SpendNoPermits()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAtp(null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await GetAtp(TestKeys.Ops)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await GetAtp(TestKeys.Storefront)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAtp(TestKeys.Storefront)).StatusCode);
    }

    [Fact]
    public async Task Disabled_LetsEveryRequestThrough()
    {
        await using var host = await ApiHost.StartAsync(s => Tiny(s).Configuration["RateLimiting:Storefront:Enabled"] = "false");

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, "/api/v1/atp/SKU-1", apiKey: TestKeys.Storefront)).StatusCode);
        }
    }

    [Fact]
    public async Task NoKeysConfigured_LimitsByClientAddress()
    {
        await using var host = await ApiHost.StartAsync(s => Tiny(s).WithoutKeys());
        await host.SendAsync(HttpMethod.Get, "/api/v1/atp/SKU-1");
        await host.SendAsync(HttpMethod.Get, "/api/v1/atp/SKU-2");

        var problem = await Problem.ReadAsync(await host.SendAsync(HttpMethod.Get, "/api/v1/atp/SKU-3"), HttpStatusCode.TooManyRequests);

        Assert.Equal("The storefront limit of 2 requests per 3600 s for this client address is spent; retry after 3600 s.", problem.Detail);
    }

    [Theory]
    [InlineData("PermitLimit", "0", "RateLimiting:Storefront:PermitLimit is 0; it must be at least 1 (set Enabled to false for no limit).")]
    [InlineData("WindowSeconds", "0", "RateLimiting:Storefront:WindowSeconds is 0; it must be between 1 and 3600.")]
    [InlineData("WindowSeconds", "3601", "RateLimiting:Storefront:WindowSeconds is 3601; it must be between 1 and 3600.")]
    [InlineData("QueueLimit", "-1", "RateLimiting:Storefront:QueueLimit is -1; it must be 0 or more.")]
    public async Task InvalidSettings_RefuseToStart(string option, string value, string message)
    {
        var settings = new ApiHostSettings();
        settings.Configuration[$"RateLimiting:Storefront:{option}"] = value;
        await using var app = ApiHost.Build(settings, out _);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static ApiHostSettings Tiny(ApiHostSettings settings)
    {
        settings.Configuration["RateLimiting:Storefront:PermitLimit"] = "2";
        settings.Configuration["RateLimiting:Storefront:WindowSeconds"] = "3600";
        settings.Configuration["Auth:ApiKeys:3:Name"] = "shop-two";
        settings.Configuration["Auth:ApiKeys:3:Key"] = SecondStorefront;
        settings.Configuration["Auth:ApiKeys:3:Roles:0"] = "storefront";
        return settings;
    }

    private Task<HttpResponseMessage> GetAtp(string? apiKey) => _host.SendAsync(HttpMethod.Get, "/api/v1/atp/SKU-1", apiKey: apiKey);
}
