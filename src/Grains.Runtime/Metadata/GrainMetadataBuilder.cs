using System.ComponentModel;

namespace Grains.Runtime;

/// <summary>Collects what generated metadata registers; the runtime turns it into its type registry.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GrainMetadataBuilder
{
    internal List<(Type InterfaceType, string InterfaceName, GrainProxyFactory ProxyFactory)> Interfaces { get; } = [];

    internal List<GrainMethodDescriptor> Methods { get; } = [];

    internal List<(Type GrainClass, GrainActivator Activator)> GrainClasses { get; } = [];

    public void AddInterface(Type interfaceType, string interfaceName, GrainProxyFactory proxyFactory) =>
        Interfaces.Add((interfaceType, interfaceName, proxyFactory));

    public void AddMethod(GrainMethodDescriptor method) => Methods.Add(method);

    public void AddGrainClass(Type grainClass, GrainActivator activator) => GrainClasses.Add((grainClass, activator));
}
