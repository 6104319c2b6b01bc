using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fulfillment.Api.Tests.Support;

public static class JsonAssert
{
    /// <summary>
    /// The body equals <paramref name="expectedJson"/> exactly: the same members with the same values (member order
    /// aside), nothing more and nothing less.
    /// </summary>
    public static void Equal(string expectedJson, JsonElement actual)
    {
        var expected = JsonNode.Parse(expectedJson);
        var body = JsonNode.Parse(actual.GetRawText());
        Assert.True(JsonNode.DeepEquals(expected, body), $"Expected {expected!.ToJsonString()}\nActual   {body!.ToJsonString()}");
    }
}
