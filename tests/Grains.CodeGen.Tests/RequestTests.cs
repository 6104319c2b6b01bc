using System.Text.Json;
using Grains.CodeGen.Tests.Infrastructure;
using Grains.Runtime;

namespace Grains.CodeGen.Tests;

public sealed class RequestTests
{
    private const string Aliased = """
        [Alias("calc")]
        public interface ICalcGrain : IGrainWithStringKey
        {
            [Alias("add-v2")]
            Task<int> Add(int value);

            [ReadOnly]
            Task<int> Peek();

            [AlwaysInterleave]
            Task Ping();

            [ReadOnly, AlwaysInterleave, ResponseTimeout("00:00:05")]
            ValueTask<string> Both();

            [ResponseTimeout("1.02:03:04.5")]
            ValueTask Slow();
        }
        """;

    [Fact]
    public void WriteArguments_ThenDescriptorReader_RoundTripsEveryArgument()
    {
        var assembly = GeneratorRun.Of(Samples.Counter).Load();
        var point = assembly.Create("MyApp.Point", 4, 5);
        var request = (GrainRequest)assembly.Create("GrainsGenerated.MyApp.ICounterGrain_Describe_Request");
        SetArguments(request, new List<int> { 1, 2, 3 }, "tag", point);

        var json = RequestReflection.WriteArguments(request, LoopbackInvoker.Options);
        var copy = RequestReflection.ReadArguments(request.Method, json, LoopbackInvoker.Options);

        Assert.Equal("""[[1,2,3],"tag",{"X":4,"Y":5}]""", json);
        Assert.IsType(request.GetType(), copy);
        Assert.Equal([1, 2, 3], (List<int>)RequestReflection.Argument(copy, 0)!);
        Assert.Equal("tag", RequestReflection.Argument(copy, 1));
        Assert.Equal(point, RequestReflection.Argument(copy, 2));
    }

    [Fact]
    public void WriteArguments_NullArgument_RoundTripsNull()
    {
        var assembly = GeneratorRun.Of(Samples.Counter).Load();
        var request = (GrainRequest)assembly.Create("GrainsGenerated.MyApp.ICounterGrain_Describe_Request");
        SetArguments(request, new List<int>(), null, assembly.Create("MyApp.Point", 0, 0));

        var json = RequestReflection.WriteArguments(request, LoopbackInvoker.Options);
        var copy = RequestReflection.ReadArguments(request.Method, json, LoopbackInvoker.Options);

        Assert.Equal("""[[],null,{"X":0,"Y":0}]""", json);
        Assert.Null(RequestReflection.Argument(copy, 1));
    }

    [Fact]
    public void WriteArguments_MethodWithoutParameters_WritesEmptyArray()
    {
        var assembly = GeneratorRun.Of(Samples.Counter).Load();
        var request = (GrainRequest)assembly.Create("GrainsGenerated.MyApp.ICounterGrain_Get_Request");

        var json = RequestReflection.WriteArguments(request, LoopbackInvoker.Options);
        var copy = RequestReflection.ReadArguments(request.Method, json, LoopbackInvoker.Options);

        Assert.Equal("[]", json);
        Assert.IsType(request.GetType(), copy);
    }

    [Fact]
    public void DescriptorReader_TooFewArguments_Throws()
    {
        var assembly = GeneratorRun.Of(Samples.Counter).Load();

        var method = assembly.Method("MyApp.ICounterGrain", "Add");

        Assert.ThrowsAny<JsonException>(() => RequestReflection.ReadArguments(method, "[1]", LoopbackInvoker.Options));
    }

    [Fact]
    public void Descriptor_NoAttributes_UsesMetadataNamesNoFlagsAndNoTimeout()
    {
        var assembly = GeneratorRun.Of(Samples.Counter).Load();

        var add = assembly.Method("MyApp.ICounterGrain", "Add");

        Assert.Equal(GrainMethodFlags.None, add.Flags);
        Assert.Null(add.ResponseTimeout);
        Assert.NotNull(add.Reader);
    }

    [Fact]
    public void Descriptor_Aliases_AreTheWireNames()
    {
        var assembly = GeneratorRun.Of(Samples.InNamespace(Aliased)).Load();

        Assert.Equal(
            ["calc.add-v2", "calc.Peek", "calc.Ping", "calc.Both", "calc.Slow"],
            assembly.Methods.Select(static m => m.ToString()));
        Assert.Equal("calc", Assert.Single(assembly.Interfaces).Name);
    }

    [Theory]
    [InlineData("add-v2", GrainMethodFlags.None)]
    [InlineData("Peek", GrainMethodFlags.ReadOnly)]
    [InlineData("Ping", GrainMethodFlags.AlwaysInterleave)]
    [InlineData("Both", GrainMethodFlags.ReadOnly | GrainMethodFlags.AlwaysInterleave)]
    public void Descriptor_InterleavingAttributes_BecomeFlags(string method, GrainMethodFlags expected)
    {
        var assembly = GeneratorRun.Of(Samples.InNamespace(Aliased)).Load();

        Assert.Equal(expected, assembly.Method("calc", method).Flags);
    }

    [Fact]
    public void Descriptor_ResponseTimeouts_AreParsedInvariantly()
    {
        var assembly = GeneratorRun.Of(Samples.InNamespace(Aliased)).Load();

        Assert.Equal(TimeSpan.FromSeconds(5), assembly.Method("calc", "Both").ResponseTimeout);
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 500), assembly.Method("calc", "Slow").ResponseTimeout);
        Assert.Null(assembly.Method("calc", "Peek").ResponseTimeout);
    }

    [Fact]
    public void Request_Method_IsTheSharedDescriptor()
    {
        var assembly = GeneratorRun.Of(Samples.Counter).Load();

        var first = (GrainRequest)assembly.Create("GrainsGenerated.MyApp.ICounterGrain_Add_Request");
        var second = (GrainRequest)assembly.Create("GrainsGenerated.MyApp.ICounterGrain_Add_Request");

        Assert.Same(assembly.Method("MyApp.ICounterGrain", "Add"), first.Method);
        Assert.Same(first.Method, second.Method);
    }

    private static void SetArguments(GrainRequest request, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            request.GetType().GetField("Arg" + i)!.SetValue(request, values[i]);
        }
    }
}
