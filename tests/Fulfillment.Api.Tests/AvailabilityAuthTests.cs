using System.Net;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

/// <summary>ATP and reservations need the storefront role, inventory the ops role: 401 without a key, 403 with another role's.</summary>
public sealed class AvailabilityAuthTests : IAsyncLifetime
{
    private static readonly (string Method, string Path, string? Body, string Role)[] All =
    [
        ("GET", "/api/v1/atp/SKU-1", null, "storefront"),
        ("POST", "/api/v1/atp/check", """{ "lines": [ { "sku": "SKU-1", "quantity": 1 } ] }""", "storefront"),
        ("POST", "/api/v1/reservations", """{ "reservationId": "r-1", "lines": [ { "sku": "SKU-1", "quantity": 1 } ] }""", "storefront"),
        ("POST", "/api/v1/reservations/r-1/confirm", """{ "orderId": "o-1" }""", "storefront"),
        ("DELETE", "/api/v1/reservations/r-1", null, "storefront"),
        ("GET", "/api/v1/reservations/r-1", null, "storefront"),
        ("PUT", "/api/v1/inventory/WH-EAST/SKU-1", """{ "onHand": 5, "safetyStock": 0 }""", "ops"),
    ];

    private ApiHost _host = null!;

    public static TheoryData<string, string, string?, string> Routes
    {
        get
        {
            var data = new TheoryData<string, string, string?, string>();
            foreach (var (method, path, body, role) in All)
            {
                data.Add(method, path, body, role);
            }

            return data;
        }
    }

    public static TheoryData<string, string, string?> Requests
    {
        get
        {
            var data = new TheoryData<string, string, string?>();
            foreach (var (method, path, body, _) in All)
            {
                data.Add(method, path, body);
            }

            return data;
        }
    }

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task WithoutKey_Returns401Problem(string method, string path, string? body)
    {
        var problem = await Problem.ReadAsync(await Send(method, path, body, apiKey: null), HttpStatusCode.Unauthorized);

        Assert.Equal("API key required", problem.Title);
        Assert.Equal("This route needs an API key in the X-Api-Key header.", problem.Detail);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task WithKeysOfOtherRoles_Returns403NamingTheRole(string method, string path, string? body, string role)
    {
        foreach (var (key, held) in new[] { (TestKeys.Ingest, "ingest"), (TestKeys.Ops, "ops"), (TestKeys.Storefront, "storefront") }.Where(k => k.Item2 != role))
        {
            var problem = await Problem.ReadAsync(await Send(method, path, body, key), HttpStatusCode.Forbidden);

            Assert.Equal($"This route needs the role {role}; the API key has {held}.", problem.Detail);
        }

        await _host.GetReservationAsync("r-1", HttpStatusCode.NotFound);
        Assert.Null(await _host.InventoryRowAsync("WH-EAST", "SKU-1"));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task WithTheRole_IsServed(string method, string path, string? body, string role)
    {
        var response = await Send(method, path, body, role == "ops" ? TestKeys.Ops : TestKeys.Storefront);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task NoKeysInDevelopment_TheRoutesAreOpen()
    {
        await using var host = await ApiHost.StartAsync(s => s.WithoutKeys());

        var put = await host.SendJsonAsync(HttpMethod.Put, "/api/v1/inventory/WH-EAST/SKU-1", """{ "onHand": 5, "safetyStock": 0 }""", apiKey: null);
        var atp = await host.SendAsync(HttpMethod.Get, "/api/v1/atp/SKU-1");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(5, (await JsonBody.ReadAsync(atp)).GetProperty("available").GetInt32());
    }

    private Task<HttpResponseMessage> Send(string method, string path, string? body, string? apiKey) =>
        body is null
            ? _host.SendAsync(new HttpMethod(method), path, apiKey: apiKey)
            : _host.SendJsonAsync(new HttpMethod(method), path, body, apiKey);
}
