using System.Text.Json;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

/// <summary>The OpenAPI document describes every route of the API.md sections Available-to-promise, Reservations and Inventory.</summary>
public sealed class AvailabilitySwaggerTests : IAsyncLifetime
{
    private ApiHost _host = null!;
    private JsonElement _paths;

    /// <summary>Path, method, operation id, role, whether it takes a JSON body, and its documented answers.</summary>
    public static TheoryData<string, string, string, string, bool, string[]> ApiMdRoutes => new()
    {
        { "/api/v1/atp/{sku}", "get", "GetAtp", "storefront", false, ["200", "400", "401", "403", "429"] },
        { "/api/v1/atp/check", "post", "CheckCart", "storefront", true, ["200", "400", "401", "403", "415", "429"] },
        { "/api/v1/reservations", "post", "PlaceReservation", "storefront", true, ["201", "400", "401", "403", "409", "415", "429"] },
        { "/api/v1/reservations/{id}/confirm", "post", "ConfirmReservation", "storefront", true, ["200", "400", "401", "403", "404", "409", "415", "429"] },
        { "/api/v1/reservations/{id}", "delete", "ReleaseReservation", "storefront", false, ["204", "400", "401", "403", "404", "409", "429"] },
        { "/api/v1/reservations/{id}", "get", "GetReservation", "storefront", false, ["200", "400", "401", "403", "404", "429"] },
        { "/api/v1/inventory/{warehouseId}/{sku}", "put", "SetInventory", "ops", true, ["200", "400", "401", "403", "404", "415"] },
    };

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        _paths = (await JsonBody.ReadAsync(await _host.SendAsync(HttpMethod.Get, "/swagger/v1/swagger.json"))).GetProperty("paths");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(ApiMdRoutes))]
    public void Route_IsDocumentedWithItsRoleBodyAndEveryAnswerWithExamples(
        string path, string method, string operationId, string role, bool hasBody, string[] answers)
    {
        Assert.True(_paths.TryGetProperty(path, out var item), $"{path} is not documented");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not documented");
        Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.EndsWith($"Needs an API key (X-Api-Key) with the role {role}.", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("ApiKey", Assert.Single(Assert.Single(operation.GetProperty("security").EnumerateArray()).EnumerateObject()).Name);

        Assert.Equal(hasBody, operation.TryGetProperty("requestBody", out var body));
        if (hasBody)
        {
            var json = body.GetProperty("content").GetProperty("application/json");
            Assert.Equal(JsonValueKind.Object, json.GetProperty("example").ValueKind);
            Assert.True(json.TryGetProperty("schema", out _));
        }

        var responses = operation.GetProperty("responses");
        Assert.Equal(answers, responses.EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        foreach (var response in responses.EnumerateObject().Where(r => r.Name != "204"))
        {
            var media = Assert.Single(response.Value.GetProperty("content").EnumerateObject());
            Assert.True(media.Value.TryGetProperty("example", out _), $"{method} {path} {response.Name} has no example");
        }
    }

    [Fact]
    public void Atp_DocumentsQuantityAsAnIntegerDefaultingToOne()
    {
        var quantity = _paths.GetProperty("/api/v1/atp/{sku}").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "quantity");

        Assert.Equal("query", quantity.GetProperty("in").GetString());
        var schema = quantity.GetProperty("schema");
        Assert.Equal("integer", schema.GetProperty("type").GetString());
        Assert.Equal(1, schema.GetProperty("minimum").GetInt32());
        Assert.Equal(1, schema.GetProperty("default").GetInt32());
    }

    [Fact]
    public void StorefrontAnswers429_WithRetryAfter()
    {
        var tooMany = _paths.GetProperty("/api/v1/reservations").GetProperty("post").GetProperty("responses").GetProperty("429");

        Assert.True(tooMany.GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.Equal("Too many requests", tooMany.GetProperty("content").GetProperty("application/problem+json").GetProperty("example").GetProperty("title").GetString());
    }

    [Fact]
    public void Created_DocumentsLocation()
    {
        var created = _paths.GetProperty("/api/v1/reservations").GetProperty("post").GetProperty("responses").GetProperty("201");

        Assert.True(created.GetProperty("headers").TryGetProperty("Location", out _));
        Assert.Equal("held", created.GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("status").GetString());
    }
}
