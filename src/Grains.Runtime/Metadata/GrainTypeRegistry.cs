using System.Collections.Concurrent;
using System.Reflection;

namespace Grains.Runtime.Metadata;

/// <summary>
/// Grain interfaces, methods and classes, read from the generated metadata of assemblies. Assemblies are added
/// explicitly or found among those loaded in the process when a type is first asked for; nothing is reflected per call.
/// </summary>
internal sealed class GrainTypeRegistry
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceInfo> _interfaces = new();
    private readonly ConcurrentDictionary<GrainType, GrainClassInfo> _classes = new();
    private readonly ConcurrentDictionary<(string Interface, string Method), GrainMethodDescriptor> _methods = new();
    private readonly HashSet<Assembly> _scanned = [];
    private readonly Lock _scanLock = new();

    public GrainTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        AddAssembly(typeof(GrainTypeRegistry).Assembly);
        foreach (var assembly in assemblies)
        {
            AddAssembly(assembly);
        }
    }

    public IEnumerable<GrainClassInfo> GrainClasses => _classes.Values;

    /// <summary>Every grain class of every assembly loaded in the process (subscriptions must know them all up front).</summary>
    public IEnumerable<GrainClassInfo> AllGrainClasses()
    {
        ScanLoadedAssemblies();
        return _classes.Values;
    }

    public void AddAssembly(Assembly assembly)
    {
        lock (_scanLock)
        {
            if (!_scanned.Add(assembly))
            {
                return;
            }
        }

        var attribute = assembly.GetCustomAttribute<GrainAssemblyAttribute>();
        if (attribute is not null)
        {
            Register((IGrainAssemblyMetadata)Activator.CreateInstance(attribute.MetadataType)!);
        }
    }

    public GrainInterfaceInfo GetInterface(Type interfaceType)
    {
        if (_interfaces.TryGetValue(interfaceType, out var info))
        {
            return info;
        }

        return Slow(interfaceType);

        GrainInterfaceInfo Slow(Type interfaceType)
        {
            AddAssembly(interfaceType.Assembly);
            ScanLoadedAssemblies();
            return _interfaces.TryGetValue(interfaceType, out var found)
                ? found
                : throw new InvalidOperationException(
                    $"No generated proxy for grain interface {interfaceType.FullName}. Set <UsesGrains>true</UsesGrains> in the project that declares it.");
        }
    }

    /// <summary>The grain class a reference of <paramref name="grainInterface"/> is created for.</summary>
    public GrainClassInfo GetImplementation(GrainInterfaceInfo grainInterface)
    {
        if (grainInterface.Implementation is { } known)
        {
            return known;
        }

        ScanLoadedAssemblies();
        var candidates = _classes.Values.Where(c => grainInterface.InterfaceType.IsAssignableFrom(c.ClassType)).ToList();
        return candidates.Count switch
        {
            1 => grainInterface.Implementation = candidates[0],
            0 => throw new InvalidOperationException(
                $"No grain class implements {grainInterface.InterfaceType.FullName}. Is the assembly that holds it added with AddGrainAssembly and built with <UsesGrains>true</UsesGrains>?"),
            _ => throw new InvalidOperationException(
                $"Several grain classes implement {grainInterface.InterfaceType.FullName} ({string.Join(", ", candidates.Select(c => c.ClassType.Name))}); each grain interface needs exactly one."),
        };
    }

    public GrainClassInfo GetClass(GrainType grainType)
    {
        if (_classes.TryGetValue(grainType, out var info))
        {
            return info;
        }

        ScanLoadedAssemblies();
        return _classes.TryGetValue(grainType, out info)
            ? info
            : throw new InvalidOperationException($"No grain class has the grain type '{grainType}'.");
    }

    public GrainMethodDescriptor GetMethod(string interfaceName, string methodName)
    {
        if (_methods.TryGetValue((interfaceName, methodName), out var method))
        {
            return method;
        }

        ScanLoadedAssemblies();
        return _methods.TryGetValue((interfaceName, methodName), out method)
            ? method
            : throw new InvalidOperationException($"Unknown grain method {interfaceName}.{methodName}: no loaded assembly declares it.");
    }

    private void ScanLoadedAssemblies()
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic)
            {
                AddAssembly(assembly);
            }
        }
    }

    private void Register(IGrainAssemblyMetadata metadata)
    {
        var builder = new GrainMetadataBuilder();
        metadata.Populate(builder);
        foreach (var (interfaceType, name, factory) in builder.Interfaces)
        {
            _interfaces.TryAdd(interfaceType, new GrainInterfaceInfo(interfaceType, name, factory));
        }

        // The same method may be registered by several assemblies (inherited interfaces); the copies are equivalent.
        foreach (var method in builder.Methods)
        {
            _methods.TryAdd((method.InterfaceName, method.MethodName), method);
        }

        foreach (var (classType, activator) in builder.GrainClasses)
        {
            var info = new GrainClassInfo(classType, activator);
            if (!_classes.TryAdd(info.GrainType, info) && _classes[info.GrainType].ClassType != classType)
            {
                throw new InvalidOperationException(
                    $"Grain classes {_classes[info.GrainType].ClassType.FullName} and {classType.FullName} share the grain type '{info.GrainType}'. Give one a [GrainType(\"...\")].");
            }
        }
    }
}
