using System.Text.Json;

namespace Fulfillment.Grains.Events;

/// <summary>
/// Reads an event of the stream: a CloudEvent in its canonical JSON form (attributes, then <c>data</c>). The gateway
/// validated the shape on the way in; the grains check again what they rely on, and a body they cannot use fails with
/// <see cref="InvalidDataException"/> (retried, then dead-lettered with the reason).
/// </summary>
internal static class CloudEventReader
{
    /// <summary>
    /// Parses <paramref name="body"/> and, when <paramref name="handles"/> accepts its type, returns what
    /// <paramref name="read"/> makes of its attributes and data; the default of <typeparamref name="T"/> (null for
    /// a reference or nullable type) for a type the caller does not handle.
    /// </summary>
    public static T? Read<T>(ReadOnlyMemory<byte> body, Func<string, bool> handles, Func<string, JsonElement, JsonElement, T> read)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"The event body is not JSON: {error.Message}", error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException("The event has no 'type' attribute.");
            }

            var type = typeElement.GetString()!;
            if (!handles(type))
            {
                return default;
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"The {type} event has no 'data' object.");
            }

            try
            {
                return read(type, root, data);
            }
            catch (JsonException error)
            {
                throw new InvalidDataException($"The {type} event's data does not have the expected shape: {error.Message}", error);
            }
        }
    }
}
