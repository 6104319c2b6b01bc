using Grains.CodeGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Grains.CodeGen.Tests;

public sealed class DiagnosticTests
{
    [Fact]
    public void Generate_OverloadedMethodNames_ReportsGrains001AtTheSecondOverload()
    {
        var run = Run("""
            public interface ICalc : IGrainWithStringKey
            {
                Task<int> Add(int value);
                Task<int> Add(int value, int times);
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("GRAINS001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(10, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(
            "Grain interface 'MyApp.ICalc' declares more than one method named 'Add'; overloads cannot be told apart on the wire, so rename one or give it an [Alias]",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Generate_OverloadsWithDistinctAliases_ReportsNothing()
    {
        var run = Run("""
            public interface ICalc : IGrainWithStringKey
            {
                Task<int> Add(int value);
                [Alias("AddTimes")]
                Task<int> Add(int value, int times);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Generate_AliasEqualToAnotherMethodName_ReportsGrains001()
    {
        var run = Run("""
            public interface ICalc : IGrainWithStringKey
            {
                Task<int> Add(int value);
                [Alias("Add")]
                Task<int> Plus(int value);
            }
            """);

        Assert.Equal(["GRAINS001"], run.DiagnosticIds);
    }

    [Theory]
    [InlineData("int")]
    [InlineData("void")]
    [InlineData("IAsyncEnumerable<int>")]
    [InlineData("Task<int>[]")]
    public void Generate_MethodNotReturningAnAwaitable_ReportsGrains002(string returnType)
    {
        var run = Run($$"""
            public interface IBad : IGrainWithStringKey
            {
                {{returnType}} Run();
            }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS002");
    }

    [Fact]
    public void Generate_GenericMethod_ReportsGrains003()
    {
        var run = Run("""
            public interface IBad : IGrainWithStringKey
            {
                Task<T> Echo<T>(T value);
            }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS003");
    }

    [Theory]
    [InlineData("ref int value")]
    [InlineData("out int value")]
    [InlineData("in int value")]
    [InlineData("ref readonly int value")]
    public void Generate_ByReferenceParameter_ReportsGrains004(string parameter)
    {
        var run = Run($$"""
            public interface IBad : IGrainWithStringKey
            {
                Task Run({{parameter}});
            }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS004");
    }

    [Fact]
    public void Generate_GenericInterfaceAndItsDerivedInterface_ReportGrains005Each()
    {
        var run = Run("""
            public interface IBox<T> : IGrainWithStringKey
            {
                Task<T> Get();
            }

            public interface IIntBox : IBox<int>
            {
            }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS005", "GRAINS005");
    }

    [Fact]
    public void Generate_InterfaceNestedInGenericClass_ReportsGrains005()
    {
        var run = Run("""
            public class Outer<T>
            {
                public interface IInner : IGrainWithStringKey { Task Run(); }
            }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS005");
    }

    [Theory]
    [InlineData("private Hidden() { }")]
    [InlineData("internal Hidden() { }")]
    [InlineData("protected Hidden(int value) { }")]
    public void Generate_GrainClassWithoutPublicConstructor_ReportsGrains006(string constructor)
    {
        var run = Run($$"""
            public sealed class Hidden : Grain
            {
                {{constructor}}
            }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS006");
    }

    [Theory]
    [InlineData("int Count { get; }")]
    [InlineData("int this[int index] { get; }")]
    [InlineData("event EventHandler Changed;")]
    [InlineData("static abstract Task Create();")]
    public void Generate_NonMethodMember_ReportsGrains007(string member)
    {
        var run = Run($$"""
            public interface IBad : IGrainWithStringKey
            {
                Task Run();
                {{member}}
            }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS007");
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("00:00:00")]
    [InlineData("-00:00:05")]
    public void Generate_InvalidResponseTimeout_ReportsGrains008(string timeout)
    {
        var run = Run($$"""
            public interface IBad : IGrainWithStringKey
            {
                [ResponseTimeout("{{timeout}}")]
                Task Run();
            }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS008");
    }

    [Fact]
    public void Generate_PersistentStateOnOtherType_ReportsGrains009()
    {
        var run = Run("""
            public sealed class Stateful : Grain
            {
                public Stateful([PersistentState("state")] string state) { }
            }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS009");
    }

    [Fact]
    public void Generate_PersistentStateWithoutParameterlessConstructor_ReportsGrains010()
    {
        var run = Run("""
            public sealed class NeedsValue(int value) { public int Value { get; } = value; }

            public sealed class Stateful : Grain
            {
                public Stateful([PersistentState("state")] IPersistentState<NeedsValue> state) { }
            }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS010");
    }

    [Fact]
    public void Generate_RefStructParameter_ReportsGrains011()
    {
        var run = Run("""
            public interface IBad : IGrainWithStringKey
            {
                Task Run(Span<byte> data);
            }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS011");
    }

    [Fact]
    public void Generate_CancellationTokenParameter_ReportsGrains015()
    {
        var run = Run("""
            public interface ICancellable : IGrainWithStringKey
            {
                Task Run(int count, System.Threading.CancellationToken cancellationToken);
            }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS015");
    }

    [Fact]
    public void Generate_PrivateNestedGrainTypes_ReportGrains012()
    {
        var run = Run("""
            public class Outer
            {
                private interface IHidden : IGrainWithStringKey { Task Run(); }

                private sealed class HiddenGrain : Grain { }
            }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS012", "GRAINS012");
    }

    [Fact]
    public void Generate_TwoInterfacesWithTheSameAlias_ReportsGrains013()
    {
        var run = Run("""
            [Alias("shared")]
            public interface IFirst : IGrainWithStringKey { Task Run(); }

            [Alias("shared")]
            public interface ISecond : IGrainWithStringKey { Task Run(); }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("GRAINS013", diagnostic.Id);
        Assert.Contains("'MyApp.IFirst' and 'MyApp.ISecond' share the wire name 'shared'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_GenericGrainClass_ReportsGrains014()
    {
        var run = Run("""
            public sealed class Box<T> : Grain { }
            """);

        AssertOnlyGeneratorErrors(run, "GRAINS014");
    }

    [Fact]
    public void Generate_InvalidMemberInheritedFromSameCompilation_ReportsItOnceAndGeneratesNeither()
    {
        var run = Run("""
            public interface IBase : IGrainWithStringKey { int Bad(); }

            public interface IDerived : IBase { Task Good(); }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("GRAINS002", diagnostic.Id);
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void Generate_InvalidMemberInheritedFromReferencedAssembly_ReportsAtTheDerivedInterface()
    {
        var library = TestCompiler.Create("BadLibrary", [Samples.Usings + """
            namespace Lib;
            public interface ILibGrain : IGrainWithStringKey { int Bad(); }
            """]);
        var consumer = TestCompiler.Create(
            "Consumer",
            [Samples.InNamespace("public interface IMine : Lib.ILibGrain { }")],
            [library.ToMetadataReference()]);

        var run = GeneratorRun.Of(consumer);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("GRAINS002", diagnostic.Id);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal("IMine", consumer.SyntaxTrees.Single().GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("'Lib.ILibGrain.Bad()' returns 'int'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_PartialInterfaceInTwoFiles_ReportsEachProblemOnce()
    {
        var run = GeneratorRun.Of(
            Samples.InNamespace("public partial interface ISplit : IGrainWithStringKey { int Bad(); }"),
            Samples.InNamespace("public partial interface ISplit : IGrainWithStringKey { Task Good(); }"));

        Assert.Equal(["GRAINS002"], run.DiagnosticIds);
    }

    private static GeneratorRun Run(string declarations) => GeneratorRun.Of(Samples.InNamespace(declarations));

    // The generator skips what it reports on, so the user's code still compiles and only its own errors remain.
    private static void AssertOnlyGeneratorErrors(GeneratorRun run, params string[] expectedIds)
    {
        Assert.Equal(expectedIds, run.DiagnosticIds);
        Assert.All(run.GeneratorDiagnostics, static d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Empty(run.Output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error));
    }
}
