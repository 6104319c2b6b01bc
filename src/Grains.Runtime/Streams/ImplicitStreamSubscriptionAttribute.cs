namespace Grains;

/// <summary>
/// Subscribes a grain class to every event of a stream namespace: the event with key K is delivered to this class's
/// grain with key K through <see cref="Streams.IStreamSubscriber.OnNextAsync"/>, activating it if needed. Per key,
/// events arrive in log order; across keys, in parallel.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ImplicitStreamSubscriptionAttribute(string streamNamespace) : Attribute
{
    public string Namespace { get; } = streamNamespace;
}
