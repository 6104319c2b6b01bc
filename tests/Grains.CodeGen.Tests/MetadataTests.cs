using Grains.CodeGen.Tests.Infrastructure;

namespace Grains.CodeGen.Tests;

public sealed class MetadataTests
{
    private const string Library = Samples.Usings + """
        namespace Lib;

        public interface IBaseGrain : IGrainWithStringKey
        {
            Task<int> Ping(int value);
        }
        """;

    private const string Consumer = Samples.Usings + """
        namespace App;

        public interface IFirst : Lib.IBaseGrain { Task First(); }

        public interface ISecond : Lib.IBaseGrain { Task Second(); }

        public sealed class Both : IFirst, ISecond
        {
            public Task<int> Ping(int value) => Task.FromResult(value * 2);
            public Task First() => Task.CompletedTask;
            public Task Second() => Task.CompletedTask;
        }
        """;

    [Fact]
    public void Populate_CounterSample_RegistersItsInterfaceMethodsAndGrainClass()
    {
        var assembly = GeneratorRun.Of(Samples.Counter).Load();

        var registered = Assert.Single(assembly.Interfaces);
        Assert.Equal(assembly.Type("MyApp.ICounterGrain"), registered.InterfaceType);
        Assert.Equal("MyApp.ICounterGrain", registered.Name);
        Assert.Equal(
            [
                "MyApp.ICounterGrain.Add",
                "MyApp.ICounterGrain.Get",
                "MyApp.ICounterGrain.Reset",
                "MyApp.ICounterGrain.Describe",
                "MyApp.ICounterGrain.Touch",
            ],
            assembly.Methods.Select(static m => m.ToString()));
        Assert.Equal(assembly.Type("MyApp.CounterGrain"), Assert.Single(assembly.GrainClasses).ClassType);
    }

    [Fact]
    public void Populate_ProxyFactory_CreatesTheInterfacesProxy()
    {
        var assembly = GeneratorRun.Of(Samples.Counter).Load();
        var grainId = GrainId.Create("counter", "a");

        var proxy = Assert.Single(assembly.Interfaces).Factory(new LoopbackInvoker(new object()), grainId, TimeSpan.FromSeconds(2));

        Assert.Equal("GrainsGenerated.MyApp.CounterGrainProxy", proxy.GetType().FullName);
        Assert.Equal(grainId, proxy.GrainId);
        Assert.Equal(TimeSpan.FromSeconds(2), proxy.ResponseTimeout);
    }

    [Fact]
    public void MetadataClass_AssemblyNameWithPunctuation_IsNamedAfterItSanitized()
    {
        var run = GeneratorRun.Of(TestCompiler.Create("My.App-Grains", [Samples.Counter]));

        var assembly = run.Load();

        Assert.Equal("GrainsGenerated.GeneratedGrainMetadata_My_App_Grains", assembly.MetadataType.FullName);
        Assert.True(assembly.MetadataType.IsSealed);
        Assert.False(assembly.MetadataType.IsPublic);
    }

    [Fact]
    public void Populate_AbstractGrainClass_IsNotRegistered()
    {
        var assembly = GeneratorRun.Of(Samples.InNamespace("""
            public abstract class BaseGrain : Grain { }

            public sealed class ConcreteGrain : BaseGrain { }
            """)).Load();

        Assert.Equal(["MyApp.ConcreteGrain"], assembly.GrainClasses.Select(static c => c.ClassType.FullName));
        Assert.Empty(assembly.Interfaces);
    }

    [Fact]
    public void Generate_MethodInheritedFromReferencedAssemblyByTwoInterfaces_GetsOneRequestClass()
    {
        var library = TestCompiler.Create("Lib", [Library]);
        var run = GeneratorRun.Of(TestCompiler.Create("App", [Consumer], [library.ToMetadataReference()]));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("GrainsGenerated.Lib.IBaseGrain.Requests.g.cs", run.HintNames);
        Assert.Single(
            run.Output.SyntaxTrees.SelectMany(static t => t.GetRoot().DescendantNodes()).OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>(),
            static c => c.Identifier.Text.StartsWith("IBaseGrain_Ping_Request", StringComparison.Ordinal));

        var context = new InMemoryLoadContext();
        context.Add(library);
        var assembly = run.Load(context);

        Assert.Equal(["App.IFirst", "App.ISecond"], assembly.Interfaces.Select(static i => i.Name));
        Assert.Equal(["App.IFirst.First", "App.ISecond.Second", "Lib.IBaseGrain.Ping"], assembly.Methods.Select(static m => m.ToString()));
    }

    [Fact]
    public async Task Proxy_MethodInheritedFromReferencedAssembly_RunsThroughTheLocalRequestClass()
    {
        var library = TestCompiler.Create("Lib", [Library]);
        var run = GeneratorRun.Of(TestCompiler.Create("App", [Consumer], [library.ToMetadataReference()]));
        var context = new InMemoryLoadContext();
        context.Add(library);
        var assembly = run.Load(context);
        var invoker = new LoopbackInvoker(assembly.Create("App.Both"));

        var result = await assembly.CallAsync(assembly.Proxy("App.ISecond", invoker), "App.ISecond", "Second");
        var doubled = await Awaitables.ResultOf(
            context.Assemblies.Single(a => a.GetName().Name == "Lib").GetType("Lib.IBaseGrain")!.GetMethod("Ping")!
                .Invoke(assembly.Proxy("App.IFirst", invoker), [21]));

        Assert.Null(result);
        Assert.Equal(42, doubled);
        Assert.Equal("Lib.IBaseGrain.Ping", invoker.Sent[^1].Request.Method.ToString());
    }
}
