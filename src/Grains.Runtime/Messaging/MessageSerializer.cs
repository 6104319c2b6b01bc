using System.Buffers;
using System.Text.Json;
using Grains.Runtime.Metadata;

namespace Grains.Runtime;

/// <summary>
/// The wire form of requests and responses: UTF-8 JSON with a fixed field order, arguments and results written with
/// the metadata of their declared types. The same bytes serve the in-silo round-trip mode and the cluster transport.
/// <code>
/// request:  {"id":1,"target":["counter","a"],"interface":"App.ICounter","method":"Add","ttl":30000,"chain":[["counter","b",7]],"args":[5]}
/// response: {"id":1,"result":5}  or  {"id":1,"error":{"type":"...","message":"...","stack":"..."}}
/// </code>
/// </summary>
internal sealed class MessageSerializer(GrainTypeRegistry registry, JsonSerializerOptions options, TimeProvider time)
{
    public byte[] WriteRequest(GrainRequest request)
    {
        request.EnsureDeadline(time);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", request.Id);
            writer.WriteStartArray("target");
            writer.WriteStringValue(request.Target.Type.Name);
            writer.WriteStringValue(request.Target.Key);
            writer.WriteEndArray();
            writer.WriteString("interface", request.Method.InterfaceName);
            writer.WriteString("method", request.Method.MethodName);
            writer.WriteNumber("ttl", RemainingMilliseconds(request.DeadlineTimestamp));
            writer.WriteStartArray("chain");
            foreach (var entry in request.GetCallChain())
            {
                writer.WriteStartArray();
                writer.WriteStringValue(entry.GrainId.Type.Name);
                writer.WriteStringValue(entry.GrainId.Key);
                writer.WriteNumberValue(entry.RequestId);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WritePropertyName("args");
            request.WriteArgumentsTo(writer, options);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public GrainRequest ReadRequest(ReadOnlySpan<byte> message)
    {
        var reader = new Utf8JsonReader(message);
        Expect(ref reader, JsonTokenType.StartObject);
        var id = ReadProperty(ref reader, "id").GetInt64();
        ReadProperty(ref reader, "target");
        var target = ReadGrainId(ref reader);
        var interfaceName = ReadProperty(ref reader, "interface").GetString()!;
        var methodName = ReadProperty(ref reader, "method").GetString()!;
        var ttl = ReadProperty(ref reader, "ttl").GetDouble();
        ReadProperty(ref reader, "chain");
        var chain = ReadChain(ref reader);
        ReadProperty(ref reader, "args");

        var method = registry.GetMethod(interfaceName, methodName);
        var request = method.Reader?.Invoke(ref reader, options)
            ?? throw new InvalidOperationException($"{method} cannot be read from a message.");
        request.Id = id;
        request.Target = target;
        request.RemoteChain = chain.Length == 0 ? null : chain;
        request.DeadlineTimestamp = ttl >= long.MaxValue / 2
            ? long.MaxValue
            : time.GetTimestamp() + (long)(ttl / 1000 * time.TimestampFrequency);
        return request;
    }

    public byte[] WriteResponse<TResult>(long requestId, TResult result, Exception? error)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", requestId);
            if (error is null)
            {
                writer.WritePropertyName("result");
                GrainArguments.Write(writer, result, options);
            }
            else
            {
                writer.WritePropertyName("error");
                ExceptionCodec.Write(writer, error);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public (TResult Result, Exception? Error) ReadResponse<TResult>(ReadOnlySpan<byte> message)
    {
        var reader = new Utf8JsonReader(message);
        Expect(ref reader, JsonTokenType.StartObject);
        ReadProperty(ref reader, "id");
        Expect(ref reader, JsonTokenType.PropertyName);
        var kind = reader.GetString();
        reader.Read();
        return kind switch
        {
            "result" => (JsonSerializer.Deserialize(ref reader, GrainArguments.GetTypeInfo<TResult>(options))!, null),
            "error" => (default!, ExceptionCodec.Read(ref reader)),
            _ => throw new JsonException($"A response has '{kind}' where 'result' or 'error' belongs."),
        };
    }

    private double RemainingMilliseconds(long deadline) =>
        deadline == long.MaxValue
            ? long.MaxValue
            : Math.Max(0, (deadline - time.GetTimestamp()) * 1000.0 / time.TimestampFrequency);

    private static GrainId ReadGrainId(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A grain id is written as [type, key].");
        }

        reader.Read();
        var type = reader.GetString()!;
        reader.Read();
        var key = reader.GetString()!;
        Expect(ref reader, JsonTokenType.EndArray);
        return GrainId.Create(type, key);
    }

    private static CallChainEntry[] ReadChain(ref Utf8JsonReader reader)
    {
        var chain = new List<CallChainEntry>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var type = reader.GetString()!;
            reader.Read();
            var key = reader.GetString()!;
            reader.Read();
            var requestId = reader.GetInt64();
            Expect(ref reader, JsonTokenType.EndArray);
            chain.Add(new CallChainEntry(GrainId.Create(type, key), requestId));
        }

        return [.. chain];
    }

    private static ref Utf8JsonReader ReadProperty(ref Utf8JsonReader reader, string name)
    {
        Expect(ref reader, JsonTokenType.PropertyName);
        if (!reader.ValueTextEquals(name))
        {
            throw new JsonException($"Expected message field '{name}', found '{reader.GetString()}'.");
        }

        reader.Read();
        return ref reader;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new JsonException($"Expected {token} in the message, found {reader.TokenType}.");
        }
    }
}
