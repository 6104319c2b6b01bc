using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Grains.Runtime;

/// <summary>
/// Writes and reads the arguments of a request as a JSON array, each element with the metadata of its declared type.
/// Generated request classes call these; type metadata comes from the configured resolvers (source-generated contexts first).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GrainArguments
{
    public static void Write<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, GetTypeInfo<T>(options));

    /// <summary>Advances to the next array element and reads it.</summary>
    public static T Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            throw new JsonException($"The message has fewer arguments than the method expects (next: {typeof(T).Name}).");
        }

        return JsonSerializer.Deserialize(ref reader, GetTypeInfo<T>(options))!;
    }

    public static void ReadStartArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.None)
        {
            reader.Read();
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected the argument array, found {reader.TokenType}.");
        }
    }

    public static void ReadEndArray(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("The message has more arguments than the method expects.");
        }
    }

    internal static JsonTypeInfo<T> GetTypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
