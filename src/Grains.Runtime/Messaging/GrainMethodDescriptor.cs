using System.ComponentModel;
using System.Text.Json;

namespace Grains.Runtime;

/// <summary>Reads the arguments of one grain method's request from a serialized message.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate GrainRequest GrainRequestReader(ref Utf8JsonReader reader, JsonSerializerOptions options);

/// <summary>
/// The static description of a grain method, shared by every request of it: its wire names, interleaving flags, its
/// own deadline if it has one, and how to read its arguments back from a message. Generated code creates one per method.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GrainMethodDescriptor
{
    public GrainMethodDescriptor(string interfaceName, string methodName, GrainMethodFlags flags, TimeSpan? responseTimeout, GrainRequestReader? reader)
    {
        InterfaceName = interfaceName;
        MethodName = methodName;
        Flags = flags;
        ResponseTimeout = responseTimeout;
        Reader = reader;
    }

    public string InterfaceName { get; }

    public string MethodName { get; }

    public GrainMethodFlags Flags { get; }

    public TimeSpan? ResponseTimeout { get; }

    /// <summary><c>null</c> for requests that never leave the silo (timer ticks).</summary>
    public GrainRequestReader? Reader { get; }

    public bool IsReadOnly => (Flags & GrainMethodFlags.ReadOnly) != 0;

    public bool IsAlwaysInterleave => (Flags & GrainMethodFlags.AlwaysInterleave) != 0;

    public override string ToString() => $"{InterfaceName}.{MethodName}";
}
