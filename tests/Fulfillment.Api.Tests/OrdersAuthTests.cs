using System.Net;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

/// <summary>Who may use the order and operations routes: 401 without a key, 403 with another role's, public tracking.</summary>
public sealed class OrdersAuthTests : IAsyncLifetime
{
    private const string OrderBody = """
        { "orderId": "o-1", "customerId": "c-9", "lines": [ { "sku": "SKU-1", "quantity": 1 } ],
          "destinationRegion": "us-east", "promisedDeliveryAt": "2026-01-03T18:00:00Z" }
        """;

    private static readonly (string Method, string Path, string? Body, string[] Roles)[] All =
    [
        ("POST", "/api/v1/orders", OrderBody, ["storefront"]),
        ("GET", "/api/v1/orders/o-1", null, ["storefront", "ops"]),
        ("GET", "/api/v1/orders", null, ["ops"]),
        ("GET", "/api/v1/carriers", null, ["ops"]),
        ("GET", "/api/v1/carriers/ups", null, ["ops"]),
        ("GET", "/api/v1/warehouses/WH-EAST", null, ["ops"]),
        ("GET", "/api/v1/alerts", null, ["ops"]),
        ("GET", "/api/v1/alerts/stream", null, ["ops"]),
    ];

    private static readonly (string Key, string Role)[] Keys = [(TestKeys.Ingest, "ingest"), (TestKeys.Ops, "ops"), (TestKeys.Storefront, "storefront")];

    private ApiHost _host = null!;

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

        Assert.Equal("This route needs an API key in the X-Api-Key header.", problem.Detail);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task WithKeysOfOtherRoles_Returns403NamingTheRolesAndChangesNothing(string method, string path, string? body)
    {
        var roles = All.Single(r => r.Method == method && r.Path == path).Roles;
        foreach (var (key, held) in Keys.Where(k => !roles.Contains(k.Role)))
        {
            var problem = await Problem.ReadAsync(await Send(method, path, body, key), HttpStatusCode.Forbidden);

            Assert.Equal($"This route needs the role {string.Join(" or ", roles)}; the API key has {held}.", problem.Detail);
        }

        await _host.GetOrderAsync("o-1", HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task WithEachAllowedRole_IsServed(string method, string path, string? body)
    {
        foreach (var (key, _) in Keys.Where(k => All.Single(r => r.Method == method && r.Path == path).Roles.Contains(k.Role)))
        {
            using var cancel = new CancellationTokenSource();
            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Api-Key", key);

            // Headers only: the alert stream never ends by itself.
            using var response = await _host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);

            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            await cancel.CancelAsync();
        }
    }

    [Fact]
    public async Task Tracking_NeedsNoKey()
    {
        var response = await _host.SendAsync(HttpMethod.Get, "/api/v1/tracking/1Z000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<HttpResponseMessage> Send(string method, string path, string? body, string? apiKey) =>
        body is null
            ? _host.SendAsync(new HttpMethod(method), path, apiKey: apiKey)
            : _host.SendJsonAsync(new HttpMethod(method), path, body, apiKey);
}
