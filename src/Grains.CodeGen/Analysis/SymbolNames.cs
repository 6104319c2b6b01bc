using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Grains.CodeGen.Analysis;

/// <summary>The spellings of symbols that generated code and wire names use.</summary>
internal static class SymbolNames
{
    private static readonly SymbolDisplayFormat Annotated =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The <c>global::</c> name with nullable annotations, as a signature or a type argument needs it.</summary>
    public static string FullyQualified(ITypeSymbol type) => type.ToDisplayString(Annotated);

    /// <summary>The CLR full name, e.g. <c>MyApp.Outer+ICounterGrain</c>: stable and what <c>Type.FullName</c> gives.</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            name = container.MetadataName + "+" + name;
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;
        return ns is null ? name : ns + "." + name;
    }

    /// <summary>The containing namespace as C# source spells it, empty for the global namespace.</summary>
    public static string Namespace(INamedTypeSymbol type)
    {
        var parts = new List<string>();
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            parts.Add(EscapeIdentifier(ns.Name));
        }

        parts.Reverse();
        return string.Join(".", parts);
    }

    /// <summary>Containing type names and the type's own, joined by underscores: readable and a valid identifier.</summary>
    public static string NamePath(INamedTypeSymbol type)
    {
        var names = new List<string> { type.Name };
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            names.Add(container.Name);
        }

        names.Reverse();
        return string.Join("_", names);
    }

    public static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>True when generated code in the same assembly can name the type: no private or protected type on its path.</summary>
    public static bool IsAccessibleToAssembly(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the type or a type containing it has type parameters.</summary>
    public static bool IsGenericOrInGeneric(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Any())
            {
                return true;
            }
        }

        return false;
    }
}
