using System.Reflection;

namespace Grains.Hosting;

/// <summary>Assemblies whose grain classes and interfaces the silo registers up front (others are found when first used).</summary>
public sealed class GrainAssemblyOptions
{
    public IList<Assembly> Assemblies { get; } = [];
}
