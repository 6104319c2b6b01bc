using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Grains.CodeGen.Tests.Infrastructure;

/// <summary>One run of the grain generator over a compilation, and what came out of it.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Driver = driver;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public GeneratorDriver Driver { get; }

    /// <summary>The input compilation with the generated sources added.</summary>
    public Compilation Output { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    public IReadOnlyList<string> DiagnosticIds => [.. GeneratorDiagnostics.Select(static d => d.Id).Order(StringComparer.Ordinal)];

    /// <summary>Errors and warnings of the compilation with generated code in it.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        [.. Output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning)];

    public IReadOnlyList<string> HintNames => [.. Result.GeneratedSources.Select(static s => s.HintName).Order(StringComparer.Ordinal)];

    public string AllGeneratedSource => string.Join("\n", Result.GeneratedSources.Select(static s => s.SourceText.ToString()));

    public static GeneratorRun Of(params string[] sources) => Of(TestCompiler.Create("TestGrains", sources));

    public static GeneratorRun Of(Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new GrainGenerator().AsSourceGenerator()],
            parseOptions: TestCompiler.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Continue(driver, compilation);
    }

    /// <summary>Runs the same driver again, as an IDE would after an edit.</summary>
    public GeneratorRun Rerun(Compilation compilation) => Continue(Driver, compilation);

    public string Source(string hintName) =>
        Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>The compiled output, loaded; throws with the compiler's messages when it does not compile.</summary>
    public GeneratedAssembly Load(InMemoryLoadContext? context = null)
    {
        Assert.Empty(GeneratorDiagnostics);
        return new GeneratedAssembly((context ?? new InMemoryLoadContext()).Add(Output));
    }

    private static GeneratorRun Continue(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }
}
