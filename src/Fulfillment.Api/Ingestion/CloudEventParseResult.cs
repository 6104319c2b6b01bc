using System.Text.Json;
using Fulfillment.Api.Json;
using Grains.Streams;

namespace Fulfillment.Api.Ingestion;

/// <summary>What parsing a request body produced: events to append, or why nothing may be appended.</summary>
internal sealed class CloudEventParseResult
{
    private CloudEventParseResult(ParseStatus status, int eventCount)
    {
        Status = status;
        EventCount = eventCount;
    }

    public ParseStatus Status { get; }

    /// <summary>How many events the body held (0 when it could not be read as events).</summary>
    public int EventCount { get; }

    public IReadOnlyList<StreamEventData> Events { get; private init; } = [];

    /// <summary>For <see cref="ParseStatus.Invalid"/>: per field (<c>[3].data.quantity</c>, <c>[3]</c>), what is wrong.</summary>
    public IDictionary<string, string[]> Errors { get; private init; } = new Dictionary<string, string[]>();

    public string Detail { get; private init; } = string.Empty;

    /// <summary>For <see cref="ParseStatus.MalformedJson"/>: where the reader stopped (1-based line, 1-based byte in the line).</summary>
    public (long Line, long Byte)? Position { get; private init; }

    public static CloudEventParseResult Parsed(IReadOnlyList<StreamEventData> events) =>
        new(ParseStatus.Parsed, events.Count) { Events = events };

    public static CloudEventParseResult Invalid(int eventCount, IDictionary<string, string[]> errors) =>
        new(ParseStatus.Invalid, eventCount)
        {
            Errors = errors,
            Detail = $"{errors.Keys.Select(ErrorIndex).Distinct().Count()} of {eventCount} events are invalid; no event was accepted.",
        };

    public static CloudEventParseResult Malformed(JsonException error)
    {
        var syntax = JsonSyntaxError.From(error);
        return new(ParseStatus.MalformedJson, 0)
        {
            Position = (syntax.Line, syntax.BytePositionInLine),
            Detail = $"The body is not valid JSON at line {syntax.Line}, byte {syntax.BytePositionInLine}: {syntax.Reason}",
        };
    }

    public static CloudEventParseResult WrongShape(string detail) => new(ParseStatus.WrongShape, 0) { Detail = detail };

    public static CloudEventParseResult Empty() =>
        new(ParseStatus.Empty, 0) { Detail = "The batch is empty; send at least one event." };

    public static CloudEventParseResult TooMany(int eventCount, int limit) =>
        new(ParseStatus.TooManyEvents, eventCount) { Detail = $"The batch has {eventCount} events; at most {limit} are accepted per request." };

    private static string ErrorIndex(string key) => key[..(key.IndexOf(']', StringComparison.Ordinal) + 1)];
}
