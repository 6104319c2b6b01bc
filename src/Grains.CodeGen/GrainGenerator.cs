using System.Linq;
using System.Text;
using System.Threading;
using Grains.CodeGen.Analysis;
using Grains.CodeGen.Emit;
using Grains.CodeGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Grains.CodeGen;

/// <summary>
/// Generates, for the grain interfaces of a compilation, a request class per method and a call proxy per interface;
/// for its grain classes, an activator each; and one metadata class that registers them all with the runtime.
/// </summary>
/// <remarks>
/// Symbols are read into plain equatable models in the syntax-provider transforms, so an edit that changes no grain
/// type leaves every later step unchanged and regenerates nothing.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class GrainGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                static (syntax, cancellationToken) => ReadInterface(syntax, cancellationToken))
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(TrackingNames.GrainInterfaces);

        var grainClasses = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { BaseList: not null },
                static (syntax, cancellationToken) => ReadGrainClass(syntax, cancellationToken))
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(TrackingNames.GrainClasses);

        context.RegisterSourceOutput(interfaces.SelectMany(static (result, _) => result.Diagnostics.AsImmutableArray()), Report);
        context.RegisterSourceOutput(grainClasses.SelectMany(static (result, _) => result.Diagnostics.AsImmutableArray()), Report);

        var interfaceModels = interfaces
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .Collect();
        var classModels = grainClasses
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .Collect();
        var assemblyName = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? "Assembly");

        var assembly = interfaceModels
            .Combine(classModels)
            .Combine(assemblyName)
            .Select(static (input, _) => new GrainAssemblyModel(
                input.Right,
                input.Left.Left.ToEquatableArray(),
                input.Left.Right.ToEquatableArray()))
            .WithTrackingName(TrackingNames.GrainAssembly);

        context.RegisterSourceOutput(assembly, static (output, model) => Generate(output, model));
    }

    private static InterfaceResult? ReadInterface(GeneratorSyntaxContext syntax, CancellationToken cancellationToken)
    {
        var declaration = (InterfaceDeclarationSyntax)syntax.Node;
        if (syntax.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol
            || !WellKnownTypes.IsGrainInterface(symbol)
            || !IsPrimaryDeclaration(symbol, declaration, cancellationToken))
        {
            return null;
        }

        return GrainInterfaceParser.Parse(symbol, declaration.Identifier.GetLocation(), syntax.SemanticModel.Compilation.Assembly, cancellationToken);
    }

    private static GrainClassResult? ReadGrainClass(GeneratorSyntaxContext syntax, CancellationToken cancellationToken)
    {
        var declaration = (ClassDeclarationSyntax)syntax.Node;
        if (syntax.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol
            || !IsPrimaryDeclaration(symbol, declaration, cancellationToken))
        {
            return null;
        }

        return GrainClassParser.Parse(symbol, declaration.Identifier.GetLocation());
    }

    // A partial type is read once, from its first declaration with a base list, so its diagnostics are not doubled.
    private static bool IsPrimaryDeclaration(INamedTypeSymbol symbol, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        if (symbol.DeclaringSyntaxReferences.Length == 1)
        {
            return true;
        }

        var primary = symbol.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax(cancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .FirstOrDefault(static d => d.BaseList is not null);
        return primary == declaration;
    }

    private static void Report(SourceProductionContext context, DiagnosticInfo diagnostic) => context.ReportDiagnostic(diagnostic.ToDiagnostic());

    private static void Generate(SourceProductionContext context, GrainAssemblyModel model)
    {
        if (model.IsEmpty)
        {
            return;
        }

        var plan = GenerationPlan.Create(model);
        foreach (var (first, second) in plan.FindWireNameClashes())
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DuplicateInterfaceName, Location.None, first.MetadataName, second.MetadataName, first.WireName));
        }

        foreach (var grainInterface in plan.Interfaces)
        {
            Add(context, grainInterface.HintName, SourceFiles.ForInterface(grainInterface, plan));
        }

        foreach (var inherited in plan.InheritedRequests.Where(static r => r.Requests.Count > 0))
        {
            Add(context, inherited.HintName, SourceFiles.ForInheritedRequests(inherited));
        }

        foreach (var grainClass in plan.GrainClasses)
        {
            Add(context, grainClass.HintName, SourceFiles.ForGrainClass(grainClass));
        }

        Add(context, plan.MetadataHintName, SourceFiles.ForMetadata(plan));
    }

    private static void Add(SourceProductionContext context, string hintName, string source) =>
        context.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
}
