using System.Reflection;
using Grains.Runtime;

namespace Grains.CodeGen.Tests.Infrastructure;

/// <summary>A compiled test assembly, with what its generated metadata registers read back through the runtime's builder.</summary>
internal sealed class GeneratedAssembly
{
    private const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic;

    public GeneratedAssembly(Assembly assembly)
    {
        Assembly = assembly;
        var attribute = assembly.GetCustomAttribute<GrainAssemblyAttribute>()
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no [GrainAssembly] attribute.");
        MetadataType = attribute.MetadataType;
        var builder = new GrainMetadataBuilder();
        ((IGrainAssemblyMetadata)System.Activator.CreateInstance(MetadataType)!).Populate(builder);

        // The builder keeps what it collects internal to the runtime; the tests read it the way the runtime does.
        Interfaces = Read<List<(Type, string, GrainProxyFactory)>>(builder, "Interfaces");
        Methods = Read<List<GrainMethodDescriptor>>(builder, "Methods");
        GrainClasses = Read<List<(Type, GrainActivator)>>(builder, "GrainClasses");
    }

    public Assembly Assembly { get; }

    public Type MetadataType { get; }

    public IReadOnlyList<(Type InterfaceType, string Name, GrainProxyFactory Factory)> Interfaces { get; }

    public IReadOnlyList<GrainMethodDescriptor> Methods { get; }

    public IReadOnlyList<(Type ClassType, GrainActivator Activator)> GrainClasses { get; }

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    public object Create(string fullName, params object?[] arguments) => System.Activator.CreateInstance(Type(fullName), arguments)!;

    public GrainMethodDescriptor Method(string interfaceName, string methodName) =>
        Methods.Single(m => m.InterfaceName == interfaceName && m.MethodName == methodName);

    /// <summary>A proxy made by the registered factory of <paramref name="interfaceFullName"/>.</summary>
    public GrainReference Proxy(string interfaceFullName, IGrainCallInvoker invoker, TimeSpan? responseTimeout = null)
    {
        var registration = Interfaces.Single(i => i.InterfaceType.FullName == interfaceFullName);
        return registration.Factory(invoker, GrainId.Create("test", "key-1"), responseTimeout);
    }

    public GrainActivator Activator(string classFullName) => GrainClasses.Single(c => c.ClassType.FullName == classFullName).Activator;

    /// <summary>Calls an interface method on <paramref name="target"/> and awaits what it returns, whichever awaitable it is.</summary>
    public async Task<object?> CallAsync(object target, string interfaceFullName, string methodName, params object?[] arguments)
    {
        var method = Type(interfaceFullName).GetMethod(methodName)
            ?? throw new InvalidOperationException($"{interfaceFullName} has no method {methodName}.");
        return await Awaitables.ResultOf(method.Invoke(target, arguments));
    }

    private static T Read<T>(GrainMetadataBuilder builder, string property) =>
        (T)typeof(GrainMetadataBuilder).GetProperty(property, Internal)!.GetValue(builder)!;
}
