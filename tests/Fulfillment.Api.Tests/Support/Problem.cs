using System.Net;
using System.Text.Json;

namespace Fulfillment.Api.Tests.Support;

/// <summary>An RFC 9457 problem document read from a response, after checking its status and media type.</summary>
public sealed class Problem
{
    private Problem(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public int Status => Root.GetProperty("status").GetInt32();

    public string Title => Root.GetProperty("title").GetString()!;

    public string Detail => Root.GetProperty("detail").GetString()!;

    /// <summary>The <c>errors</c> member: field → messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => Root.GetProperty("errors")
        .EnumerateObject()
        .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());

    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = new Problem(JsonDocument.Parse(text).RootElement.Clone());
        Assert.Equal((int)expected, problem.Status);
        return problem;
    }
}
