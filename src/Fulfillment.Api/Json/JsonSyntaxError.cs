using System.Text.Json;

namespace Fulfillment.Api.Json;

/// <summary>Where a JSON reader stopped on malformed input, and why, as a problem document reports it.</summary>
internal readonly record struct JsonSyntaxError(long Line, long BytePositionInLine, string Reason)
{
    /// <summary>1-based line and byte in the line; the reason without the reader's own zero-based position.</summary>
    public static JsonSyntaxError From(JsonException error) => new(
        (error.LineNumber ?? 0) + 1,
        (error.BytePositionInLine ?? 0) + 1,
        error.Message.Split(" LineNumber:", 2)[0].Trim());
}
