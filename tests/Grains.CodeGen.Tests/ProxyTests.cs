using System.Reflection;
using Grains.CodeGen.Tests.Infrastructure;
using Grains.Runtime;

namespace Grains.CodeGen.Tests;

public sealed class ProxyTests
{
    private const string Counter = "MyApp.ICounterGrain";

    [Fact]
    public async Task Proxy_TaskOfTMethod_SendsArgumentsAndReturnsTheGrainsResult()
    {
        var (assembly, invoker, proxy) = CreateCounterProxy();

        var first = await assembly.CallAsync(proxy, Counter, "Add", 5, "five");
        var second = await assembly.CallAsync(proxy, Counter, "Add", 2, "two");

        Assert.Equal(5, first);
        Assert.Equal(7, second);
        Assert.Equal(["Add(5, five)", "Add(2, two)"], Calls(invoker));
        var sent = invoker.Sent[0];
        Assert.Same(proxy, sent.Target);
        Assert.Equal("""[5,"five"]""", sent.Arguments);
        Assert.Equal("MyApp.ICounterGrain.Add", sent.Request.Method.ToString());
    }

    [Fact]
    public async Task Proxy_TaskMethod_CompletesWhenTheGrainMethodCompletes()
    {
        var (assembly, invoker, proxy) = CreateCounterProxy();

        var result = await assembly.CallAsync(proxy, Counter, "Reset");

        Assert.Null(result);
        Assert.Equal(["Reset()"], Calls(invoker));
        Assert.Equal("[]", Assert.Single(invoker.Sent).Arguments);
    }

    [Fact]
    public async Task Proxy_ValueTaskOfTMethod_ReturnsTheGrainsResult()
    {
        var (assembly, _, proxy) = CreateCounterProxy();
        var point = assembly.Create("MyApp.Point", 3, 4);

        var result = await assembly.CallAsync(proxy, Counter, "Describe", new List<int> { 1, 2 }, null, point);

        Assert.Equal("1,2|<null>|3,4", result);
    }

    [Fact]
    public async Task Proxy_ValueTaskMethod_ReachesTheGrain()
    {
        var (assembly, invoker, proxy) = CreateCounterProxy();
        var at = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(1));

        await assembly.CallAsync(proxy, Counter, "Touch", at);

        Assert.Equal(["Touch(2030-01-02T03:04:05.0000000+01:00)"], Calls(invoker));
    }

    [Fact]
    public void Proxy_FromRegisteredFactory_IsAGrainReferenceImplementingTheInterface()
    {
        var (assembly, _, proxy) = CreateCounterProxy();

        Assert.IsAssignableFrom(assembly.Type(Counter), proxy);
        Assert.Equal(GrainId.Create("test", "key-1"), proxy.GrainId);
        Assert.Null(proxy.ResponseTimeout);
    }

    [Fact]
    public void WithResponseTimeoutCore_ReturnsAProxyOfTheSameTypeAndGrainWithTheTimeout()
    {
        var (_, _, proxy) = CreateCounterProxy();

        var timed = (GrainReference)typeof(GrainReference)
            .GetMethod("WithResponseTimeoutCore", BindingFlags.Instance | BindingFlags.NonPublic)!
            .Invoke(proxy, [TimeSpan.FromSeconds(3)])!;

        Assert.IsType(proxy.GetType(), timed);
        Assert.Equal(proxy.GrainId, timed.GrainId);
        Assert.Equal(TimeSpan.FromSeconds(3), timed.ResponseTimeout);
    }

    [Fact]
    public async Task Proxy_InheritedMethod_IsSentUnderTheDeclaringInterface()
    {
        var assembly = GeneratorRun.Of(Samples.InNamespace("""
            public interface INamed : IGrainWithStringKey { Task<string> GetName(); }

            public interface IPerson : INamed { Task<int> GetAge(); }

            public sealed class Person : IPerson
            {
                public Task<string> GetName() => Task.FromResult("Ada");
                public Task<int> GetAge() => Task.FromResult(36);
            }
            """)).Load();
        var invoker = new LoopbackInvoker(assembly.Create("MyApp.Person"));
        var proxy = assembly.Proxy("MyApp.IPerson", invoker);

        var name = await assembly.CallAsync(proxy, "MyApp.INamed", "GetName");
        var age = await assembly.CallAsync(proxy, "MyApp.IPerson", "GetAge");

        Assert.Equal("Ada", name);
        Assert.Equal(36, age);
        Assert.Equal(["MyApp.INamed.GetName", "MyApp.IPerson.GetAge"], invoker.Sent.Select(static s => s.Request.Method.ToString()));
    }

    [Fact]
    public async Task Proxy_MethodFromNonGrainBaseInterface_IsAGrainMethodToo()
    {
        var assembly = GeneratorRun.Of(Samples.InNamespace("""
            public interface IHasVersion { ValueTask<int> GetVersion(); }

            public interface IService : IGrainWithStringKey, IHasVersion { }

            public sealed class Service : IService
            {
                public ValueTask<int> GetVersion() => new(3);
            }
            """)).Load();
        var proxy = assembly.Proxy("MyApp.IService", new LoopbackInvoker(assembly.Create("MyApp.Service")));

        var version = await assembly.CallAsync(proxy, "MyApp.IHasVersion", "GetVersion");

        Assert.Equal(3, version);
        Assert.Equal(["MyApp.IHasVersion.GetVersion"], assembly.Methods.Select(static m => m.ToString()));
    }

    private static (GeneratedAssembly Assembly, LoopbackInvoker Invoker, GrainReference Proxy) CreateCounterProxy()
    {
        var assembly = GeneratorRun.Of(Samples.Counter).Load();
        var invoker = new LoopbackInvoker(assembly.Create("MyApp.RecordingCounter"));
        return (assembly, invoker, assembly.Proxy(Counter, invoker));
    }

    private static List<string> Calls(LoopbackInvoker invoker) =>
        (List<string>)invoker.Target.GetType().GetProperty("Calls")!.GetValue(invoker.Target)!;
}
