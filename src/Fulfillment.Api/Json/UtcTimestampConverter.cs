using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fulfillment.Api.Json;

/// <summary>
/// Writes every timestamp of the gateway as ISO-8601 UTC with a <c>Z</c> (<c>2026-11-25T14:05:00Z</c>, fractions only
/// when there are any), whatever offset the value carries; reads any ISO-8601 timestamp with an offset.
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
