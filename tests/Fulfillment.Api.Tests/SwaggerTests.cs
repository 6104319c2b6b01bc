using System.Net;
using System.Text.Json;
using Fulfillment.Api.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Api.Tests;

public sealed class SwaggerTests : IAsyncLifetime
{
    private ApiHost _host = null!;
    private JsonElement _document;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        _document = await JsonBody.ReadAsync(await _host.SendAsync(HttpMethod.Get, "/swagger/v1/swagger.json"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Document_ListsEveryMappedRouteAndMethod()
    {
        var mapped = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m.ToUpperInvariant()} /{e.RoutePattern.RawText!.Trim('/')}"))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var documented = _document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(
            [
                "DELETE /api/v1/reservations/{id}",
                "GET /api/v1/alerts",
                "GET /api/v1/alerts/stream",
                "GET /api/v1/atp/{sku}",
                "GET /api/v1/carriers",
                "GET /api/v1/carriers/{carrier}",
                "GET /api/v1/orders",
                "GET /api/v1/orders/{orderId}",
                "GET /api/v1/reservations/{id}",
                "GET /api/v1/streams",
                "GET /api/v1/streams/dead-letters",
                "GET /api/v1/tracking/{trackingNumber}",
                "GET /api/v1/warehouses/{warehouseId}",
                "GET /health/live",
                "GET /health/ready",
                "OPTIONS /api/v1/events",
                "POST /api/v1/atp/check",
                "POST /api/v1/events",
                "POST /api/v1/orders",
                "POST /api/v1/reservations",
                "POST /api/v1/reservations/{id}/confirm",
                "POST /api/v1/streams/dead-letters/{id}/replay",
                "PUT /api/v1/inventory/{warehouseId}/{sku}",
            ],
            mapped);
        Assert.Equal(mapped, documented);
    }

    [Fact]
    public void EveryOperation_HasSummaryDescriptionAndExamplesOfItsBodies()
    {
        foreach (var path in _document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name} {path.Name}";
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), name);
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("description").GetString()), name);
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    if (response.Value.TryGetProperty("content", out var content))
                    {
                        Assert.All(content.EnumerateObject(), media => Assert.True(media.Value.TryGetProperty("example", out _), $"{name} {response.Name} {media.Name}"));
                    }
                }
            }
        }
    }

    [Fact]
    public void Ingestion_DocumentsEachContentTypeWithAnExampleAndEveryAnswer()
    {
        var post = _document.GetProperty("paths").GetProperty("/api/v1/events").GetProperty("post");

        var content = post.GetProperty("requestBody").GetProperty("content");
        Assert.Equal(
            ["application/cloudevents+json", "application/cloudevents-batch+json", "application/json"],
            content.EnumerateObject().Select(c => c.Name));
        Assert.Equal(JsonValueKind.Array, content.GetProperty("application/cloudevents-batch+json").GetProperty("example").ValueKind);
        Assert.Equal(
            ["202", "400", "401", "403", "413", "415"],
            post.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal("IngestEvents", post.GetProperty("operationId").GetString());
    }

    [Fact]
    public void ProtectedOperations_RequireTheApiKeyAndPublicOnesDoNot()
    {
        var scheme = _document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());

        var paths = _document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/events").GetProperty("post").TryGetProperty("security", out _));
        Assert.True(paths.GetProperty("/api/v1/streams").GetProperty("get").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/api/v1/events").GetProperty("options").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/health/ready").GetProperty("get").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/api/v1/tracking/{trackingNumber}").GetProperty("get").TryGetProperty("security", out _));
        Assert.True(paths.GetProperty("/api/v1/orders/{orderId}").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task SwaggerUi_IsServed()
    {
        var response = await _host.SendAsync(HttpMethod.Get, "/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
