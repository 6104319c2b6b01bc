namespace Grains.Runtime.Metadata;

/// <summary>A grain interface: its wire name, its proxy factory, and (once resolved) the grain class implementing it.</summary>
internal sealed class GrainInterfaceInfo(Type interfaceType, string name, GrainProxyFactory proxyFactory)
{
    public Type InterfaceType { get; } = interfaceType;

    public string Name { get; } = name;

    public GrainProxyFactory ProxyFactory { get; } = proxyFactory;

    /// <summary>The only grain class implementing the interface, resolved on first use.</summary>
    public GrainClassInfo? Implementation { get; set; }
}
