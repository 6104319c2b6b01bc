using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Grains.Runtime;

namespace Grains.CodeGen.Tests.Infrastructure;

/// <summary>
/// Sends each request the way a remote call would travel: arguments written to JSON, a new request read back through the
/// method's descriptor, then run on <see cref="Target"/>. What was sent is kept for assertions.
/// </summary>
internal sealed class LoopbackInvoker(object target) : IGrainCallInvoker
{
    public static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public object Target { get; } = target;

    public List<(GrainReference Target, GrainRequest Request, string Arguments)> Sent { get; } = [];

    public ValueTask<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        var arguments = RequestReflection.WriteArguments(request, Options);
        Sent.Add((target, request, arguments));
        var received = (GrainRequest<TResult>)RequestReflection.ReadArguments(request.Method, arguments, Options);
        return RequestReflection.Invoke(received, Target);
    }
}
