using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Grains.CodeGen.Model;
using Microsoft.CodeAnalysis;

namespace Grains.CodeGen.Analysis;

/// <summary>
/// Reads a grain interface and every interface it inherits into one model. Abstract instance methods are grain methods;
/// instance members with a default body and non-abstract static members are ignored because they run where they are
/// called; anything else (properties, events, static abstract members) is an error.
/// </summary>
internal static class GrainInterfaceParser
{
    public static InterfaceResult Parse(INamedTypeSymbol symbol, Location location, IAssemblySymbol compilationAssembly, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var valid = true;
        var display = symbol.ToDisplayString();

        if (!SymbolNames.IsAccessibleToAssembly(symbol))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InaccessibleType, location, display));
            valid = false;
        }

        if (SymbolNames.IsGenericOrInGeneric(symbol))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericInterface, location, display, display));
            valid = false;
        }

        var methods = new List<GrainMethodModel>();
        foreach (var declaring in new[] { symbol }.Concat(symbol.AllInterfaces))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (WellKnownTypes.IsMarkerInterface(declaring) || !HasAbstractMembers(declaring))
            {
                continue;
            }

            var isOwn = SymbolEqualityComparer.Default.Equals(declaring, symbol);

            // A grain interface of this compilation reports its own problems; repeating them here would only add noise.
            var reportsItself = !isOwn
                && WellKnownTypes.IsGrainInterface(declaring)
                && SymbolEqualityComparer.Default.Equals(declaring.ContainingAssembly, compilationAssembly);
            var sink = reportsItself ? new List<DiagnosticInfo>() : diagnostics;
            var fallbackLocation = isOwn ? null : location;

            if (!isOwn && SymbolNames.IsGenericOrInGeneric(declaring))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericInterface, location, display, declaring.ToDisplayString()));
                valid = false;
                continue;
            }

            if (!isOwn && !SymbolNames.IsAccessibleToAssembly(declaring))
            {
                sink.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InaccessibleType, location, declaring.ToDisplayString()));
                valid = false;
                continue;
            }

            valid &= ReadMembers(declaring, CreateIdentity(declaring), fallbackLocation, methods, sink);
        }

        var model = valid ? new GrainInterfaceModel(CreateIdentity(symbol), ProxyBaseName(symbol), methods.ToEquatableArray()) : null;
        return new InterfaceResult(model, diagnostics.ToEquatableArray());
    }

    public static InterfaceIdentity CreateIdentity(INamedTypeSymbol type)
    {
        var metadataName = SymbolNames.MetadataName(type);
        var alias = WellKnownTypes.FirstStringArgument(WellKnownTypes.FindAttribute(type, WellKnownTypes.GrainsNamespace, "AliasAttribute"));
        return new InterfaceIdentity(
            SymbolNames.FullyQualified(type),
            metadataName,
            alias ?? metadataName,
            SymbolNames.Namespace(type),
            SymbolNames.NamePath(type));
    }

    private static bool ReadMembers(
        INamedTypeSymbol declaring,
        InterfaceIdentity identity,
        Location? fallbackLocation,
        List<GrainMethodModel> methods,
        List<DiagnosticInfo> diagnostics)
    {
        var valid = true;
        var wireNames = new HashSet<string>(System.StringComparer.Ordinal);

        void Report(DiagnosticDescriptor descriptor, ISymbol at, params string[] args)
        {
            diagnostics.Add(DiagnosticInfo.Create(descriptor, fallbackLocation ?? at.Locations.FirstOrDefault(), args));
            valid = false;
        }

        foreach (var member in declaring.GetMembers())
        {
            if (member.IsStatic)
            {
                // A static abstract member would keep the interface from being a type argument of GetGrain.
                if (member.IsAbstract)
                {
                    Report(DiagnosticDescriptors.UnsupportedMember, member, member.ToDisplayString(), "static abstract member");
                }

                continue;
            }

            switch (member)
            {
                case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: true } method:
                    var model = GrainMethodParser.Parse(method, identity, fallbackLocation, diagnostics);
                    if (model is null)
                    {
                        valid = false;
                    }
                    else if (!wireNames.Add(model.WireName))
                    {
                        Report(DiagnosticDescriptors.OverloadedMethod, method, declaring.ToDisplayString(), model.WireName);
                    }
                    else
                    {
                        methods.Add(model);
                    }

                    break;
                case IPropertySymbol { IsAbstract: true } property:
                    Report(DiagnosticDescriptors.UnsupportedMember, property, property.ToDisplayString(), property.IsIndexer ? "indexer" : "property");
                    break;
                case IEventSymbol { IsAbstract: true } @event:
                    Report(DiagnosticDescriptors.UnsupportedMember, @event, @event.ToDisplayString(), "event");
                    break;
            }
        }

        return valid;
    }

    private static bool HasAbstractMembers(INamedTypeSymbol type) => type.GetMembers().Any(static m => m.IsAbstract);

    // ICounterGrain -> CounterGrain, Outer_ICounterGrain -> Outer_CounterGrain.
    private static string ProxyBaseName(INamedTypeSymbol type)
    {
        var name = type.Name;
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name.Substring(1);
        }

        var path = SymbolNames.NamePath(type);
        return path.Substring(0, path.Length - type.Name.Length) + name;
    }
}
