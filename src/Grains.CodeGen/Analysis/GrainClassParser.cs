using System.Collections.Generic;
using System.Linq;
using Grains.CodeGen.Model;
using Microsoft.CodeAnalysis;

namespace Grains.CodeGen.Analysis;

/// <summary>Reads a grain class into the constructor call its activator makes.</summary>
internal static class GrainClassParser
{
    private const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";

    /// <returns>Null when the class is not an activatable grain class (abstract, static, or not derived from Grain).</returns>
    public static GrainClassResult? Parse(INamedTypeSymbol symbol, Location location)
    {
        if (symbol.TypeKind != TypeKind.Class || symbol.IsAbstract || symbol.IsStatic || !WellKnownTypes.DerivesFromGrain(symbol))
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var display = symbol.ToDisplayString();
        if (!SymbolNames.IsAccessibleToAssembly(symbol))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InaccessibleType, location, display));
        }

        if (SymbolNames.IsGenericOrInGeneric(symbol))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericGrainClass, location, display));
        }

        var constructor = SelectConstructor(symbol);
        if (constructor is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoPublicConstructor, location, display));
            return new GrainClassResult(null, diagnostics.ToEquatableArray());
        }

        var arguments = new List<ConstructorArgumentModel>(constructor.Parameters.Length);
        foreach (var parameter in constructor.Parameters)
        {
            var argument = ReadArgument(parameter, display, diagnostics);
            if (argument is not null)
            {
                arguments.Add(argument);
            }
        }

        var model = diagnostics.Count == 0
            ? new GrainClassModel(
                SymbolNames.FullyQualified(symbol),
                SymbolNames.MetadataName(symbol),
                SymbolNames.Namespace(symbol),
                SymbolNames.NamePath(symbol),
                arguments.ToEquatableArray())
            : null;
        return new GrainClassResult(model, diagnostics.ToEquatableArray());
    }

    /// <summary>The one marked [ActivatorUtilitiesConstructor], else the only public one, else the public one with most parameters.</summary>
    private static IMethodSymbol? SelectConstructor(INamedTypeSymbol symbol)
    {
        var candidates = symbol.InstanceConstructors.Where(static c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var marked = candidates.FirstOrDefault(static c =>
            WellKnownTypes.FindAttribute(c, DependencyInjectionNamespace, "ActivatorUtilitiesConstructorAttribute") is not null);
        return marked ?? candidates.OrderByDescending(static c => c.Parameters.Length).First();
    }

    private static ConstructorArgumentModel? ReadArgument(IParameterSymbol parameter, string grainClass, List<DiagnosticInfo> diagnostics)
    {
        var location = parameter.Locations.FirstOrDefault();
        var stateAttribute = WellKnownTypes.FindAttribute(parameter, WellKnownTypes.GrainsNamespace, "PersistentStateAttribute");
        if (stateAttribute is not null)
        {
            return ReadPersistentState(parameter, stateAttribute, grainClass, diagnostics);
        }

        if (parameter.RefKind is RefKind.Ref or RefKind.Out)
        {
            var kind = parameter.RefKind == RefKind.Ref ? "ref" : "out";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ByRefParameter, location, parameter.Name, grainClass, kind));
            return null;
        }

        var type = SymbolNames.FullyQualified(parameter.Type);
        var mayBeMissing = parameter.HasExplicitDefaultValue
            || parameter.NullableAnnotation == NullableAnnotation.Annotated
            || parameter.Type.NullableAnnotation == NullableAnnotation.Annotated;
        return mayBeMissing
            ? new ConstructorArgumentModel(ConstructorArgumentKind.OptionalService, type, null, null, DefaultValueFormatter.Format(parameter))
            : new ConstructorArgumentModel(ConstructorArgumentKind.RequiredService, type, null, null, null);
    }

    private static ConstructorArgumentModel? ReadPersistentState(
        IParameterSymbol parameter,
        AttributeData attribute,
        string grainClass,
        List<DiagnosticInfo> diagnostics)
    {
        var location = parameter.Locations.FirstOrDefault();
        if (parameter.Type is not INamedTypeSymbol { TypeArguments.Length: 1 } stateType
            || !WellKnownTypes.Is(stateType, WellKnownTypes.GrainsNamespace, "IPersistentState`1"))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.PersistentStateParameterType, location, parameter.Name, grainClass, parameter.Type.ToDisplayString()));
            return null;
        }

        var state = stateType.TypeArguments[0];
        if (!HasPublicParameterlessConstructor(state))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.PersistentStateNotCreatable, location, state.ToDisplayString(), parameter.Name, grainClass));
            return null;
        }

        var stateName = WellKnownTypes.FirstStringArgument(attribute) ?? parameter.Name;
        var storageName = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
        return new ConstructorArgumentModel(ConstructorArgumentKind.PersistentState, SymbolNames.FullyQualified(state), stateName, storageName, null);
    }

    // What the runtime's "where TState : new()" constraint demands.
    private static bool HasPublicParameterlessConstructor(ITypeSymbol type) => type switch
    {
        INamedTypeSymbol { IsValueType: true } => true,
        INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } named =>
            named.InstanceConstructors.Any(static c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public),
        _ => false,
    };
}
