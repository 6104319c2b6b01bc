using System.Linq;
using Microsoft.CodeAnalysis;

namespace Grains.CodeGen.Analysis;

/// <summary>
/// Recognizes runtime and framework types by name rather than by symbol lookup, so the checks cost nothing per node and
/// work the same whether the runtime is a project or a package reference.
/// </summary>
internal static class WellKnownTypes
{
    public const string GrainsNamespace = "Grains";

    public static bool Is(ITypeSymbol? type, string containingNamespace, string metadataName) =>
        type is INamedTypeSymbol { ContainingType: null } named
        && named.MetadataName == metadataName
        && named.ContainingNamespace?.ToDisplayString() == containingNamespace;

    public static bool IsMarkerInterface(INamedTypeSymbol type) =>
        Is(type, GrainsNamespace, "IGrain") || Is(type, GrainsNamespace, "IGrainWithStringKey") || Is(type, GrainsNamespace, "IAddressable");

    /// <summary>A user interface that extends <c>Grains.IGrain</c>, directly or not.</summary>
    public static bool IsGrainInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface
        && !IsMarkerInterface(type)
        && type.AllInterfaces.Any(static i => Is(i, GrainsNamespace, "IGrain"));

    /// <summary>A class that derives from <c>Grains.Grain</c>, directly or not.</summary>
    public static bool DerivesFromGrain(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (Is(current, GrainsNamespace, "Grain"))
            {
                return true;
            }
        }

        return false;
    }

    public static AttributeData? FindAttribute(ISymbol symbol, string containingNamespace, string metadataName) =>
        symbol.GetAttributes().FirstOrDefault(a => Is(a.AttributeClass, containingNamespace, metadataName));

    /// <summary>The first constructor argument of an attribute when it is a string, e.g. <c>[Alias("x")]</c>.</summary>
    public static string? FirstStringArgument(AttributeData? attribute) =>
        attribute is { ConstructorArguments.Length: > 0 } && attribute.ConstructorArguments[0].Value is string value ? value : null;
}
