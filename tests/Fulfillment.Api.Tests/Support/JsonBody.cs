using System.Net;
using System.Text.Json;

namespace Fulfillment.Api.Tests.Support;

public static class JsonBody
{
    /// <summary>Reads a JSON body after checking the status, showing the body when the status is not the expected one.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
