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
}
