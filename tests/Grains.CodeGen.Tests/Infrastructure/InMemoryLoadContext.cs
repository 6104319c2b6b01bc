using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Grains.CodeGen.Tests.Infrastructure;

/// <summary>Loads compiled test assemblies from memory, resolving them among each other; the runtime comes from the default context.</summary>
internal sealed class InMemoryLoadContext() : AssemblyLoadContext(isCollectible: true)
{
    private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.Ordinal);

    public Assembly Add(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("The generated code does not compile:\n" + string.Join("\n", errors));
        }

        image.Position = 0;
        var assembly = LoadFromStream(image);
        _loaded.Add(compilation.AssemblyName!, assembly);
        return assembly;
    }

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && _loaded.TryGetValue(name, out var assembly) ? assembly : null;
}
