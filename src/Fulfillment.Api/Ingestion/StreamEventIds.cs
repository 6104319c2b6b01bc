using System.Globalization;

namespace Fulfillment.Api.Ingestion;

/// <summary>
/// The log's event id for a CloudEvent: <c>{length of source}:{source}:{id}</c>. CloudEvents identify an event by
/// source and id together; prefixing the source's length (UTF-16 code units) keeps the pair unambiguous whatever
/// characters either holds, so <c>("a:b", "c")</c> and <c>("a", "b:c")</c> never collide.
/// </summary>
internal static class StreamEventIds
{
    public static string ForCloudEvent(string source, string id) =>
        string.Create(CultureInfo.InvariantCulture, $"{source.Length}:{source}:{id}");

    /// <summary>
    /// The CloudEvent id a log id was made from, as its producer sent it; an id of another form is returned as it is.
    /// </summary>
    public static string CloudEventIdOf(string logEventId)
    {
        var colon = logEventId.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && int.TryParse(logEventId.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var sourceLength)
            && colon + 1 + sourceLength < logEventId.Length
            && logEventId[colon + 1 + sourceLength] == ':'
                ? logEventId[(colon + sourceLength + 2)..]
                : logEventId;
    }
}
