using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Grains.Runtime;

namespace Grains.CodeGen.Tests.Infrastructure;

/// <summary>Reaches the protected members of generated requests that the runtime calls from inside its own assembly.</summary>
internal static class RequestReflection
{
    private const BindingFlags NonPublicInstance = BindingFlags.Instance | BindingFlags.NonPublic;

    public static string WriteArguments(GrainRequest request, JsonSerializerOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            typeof(GrainRequest).GetMethod("WriteArguments", NonPublicInstance)!.Invoke(request, [writer, options]);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static GrainRequest ReadArguments(GrainMethodDescriptor method, string json, JsonSerializerOptions options)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var request = method.Reader!(ref reader, options);
        Assert.False(reader.Read(), "The reader left input after the argument array.");
        return request;
    }

    public static ValueTask<TResult> Invoke<TResult>(GrainRequest<TResult> request, object grain) =>
        (ValueTask<TResult>)typeof(GrainRequest<TResult>).GetMethod("InvokeCoreAsync", NonPublicInstance)!.Invoke(request, [grain])!;

    /// <summary>The value of an argument field (<c>Arg0</c>, <c>Arg1</c>, …) of a generated request.</summary>
    public static object? Argument(GrainRequest request, int index) =>
        request.GetType().GetField("Arg" + index, BindingFlags.Instance | BindingFlags.Public)!.GetValue(request);
}
