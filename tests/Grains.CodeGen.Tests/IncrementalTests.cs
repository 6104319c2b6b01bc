using Grains.CodeGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Grains.CodeGen.Tests;

public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps = [TrackingNames.GrainInterfaces, TrackingNames.GrainClasses, TrackingNames.GrainAssembly];

    [Fact]
    public void Rerun_UnrelatedFileEdited_EveryTrackedStepIsCachedOrUnchanged()
    {
        var unrelated = TestCompiler.Parse("namespace MyApp; public class Unrelated : System.IDisposable { public void Dispose() { } }", "Unrelated.cs");
        var compilation = TestCompiler.Create("TestGrains", [Samples.Counter]).AddSyntaxTrees(unrelated);
        var first = GeneratorRun.Of(compilation);

        var edited = TestCompiler.Parse(
            "namespace MyApp; public class Unrelated : System.IDisposable { public void Dispose() { } public int Extra() => 1; }",
            "Unrelated.cs");
        var second = first.Rerun(compilation.ReplaceSyntaxTree(unrelated, edited));

        foreach (var step in TrackedSteps)
        {
            var outputs = second.Result.TrackedSteps[step].SelectMany(static s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{step} output was {output.Reason}."));
        }

        Assert.Equal(first.AllGeneratedSource, second.AllGeneratedSource);
    }

    [Fact]
    public void Rerun_GrainFileEditedOutsideGrainTypes_EveryTrackedStepIsCachedOrUnchanged()
    {
        var compilation = TestCompiler.Create("TestGrains", [Samples.Counter]);
        var first = GeneratorRun.Of(compilation);
        var tree = compilation.SyntaxTrees.Single();

        var edited = tree.WithChangedText(tree.GetText().Replace(0, 0, "// a comment above everything\n"));
        var second = first.Rerun(compilation.ReplaceSyntaxTree(tree, edited));

        foreach (var step in TrackedSteps)
        {
            Assert.All(
                second.Result.TrackedSteps[step].SelectMany(static s => s.Outputs),
                output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} output was {output.Reason}."));
        }
    }

    [Fact]
    public void Rerun_GrainMethodAdded_InterfaceStepIsModified()
    {
        var compilation = TestCompiler.Create("TestGrains", [Samples.Counter]);
        var first = GeneratorRun.Of(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var text = tree.GetText().ToString().Replace("Task<int> Get();", "Task<int> Get();\n    Task<int> Peek();", StringComparison.Ordinal);

        var second = first.Rerun(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text))));

        Assert.Contains(
            second.Result.TrackedSteps[TrackingNames.GrainInterfaces].SelectMany(static s => s.Outputs),
            static output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(
            second.Result.TrackedSteps[TrackingNames.GrainAssembly].SelectMany(static s => s.Outputs),
            static output => output.Reason == IncrementalStepRunReason.Modified);
    }
}
