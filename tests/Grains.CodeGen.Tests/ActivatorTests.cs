using Grains.CodeGen.Tests.Infrastructure;

namespace Grains.CodeGen.Tests;

public sealed class ActivatorTests
{
    private const string CounterGrain = "MyApp.CounterGrain";

    [Fact]
    public void Create_RequiredServiceRegistered_PassesServicesStateAndDefaults()
    {
        var assembly = GeneratorRun.Of(Samples.Counter).Load();
        var clock = CreateClock(assembly);
        var context = new TestActivationContext();

        var grain = assembly.Activator(CounterGrain)(new TestServices().Add(assembly.Type("MyApp.IClock"), clock), context);

        Assert.IsType(assembly.Type(CounterGrain), grain);
        Assert.Same(clock, Property(grain, "Clock"));
        Assert.Null(Property(grain, "Greeter"));
        Assert.Equal(3, Property(grain, "Retries"));
        Assert.Equal("Fast", Property(grain, "Mode")!.ToString());
        Assert.Equal("a \"quoted\" label", Property(grain, "Label"));
        Assert.Equal(new[] { (assembly.Type("MyApp.CounterState"), "counter", (string?)"store") }, context.Requested);
        Assert.Equal(typeof(TestPersistentState<>), Property(grain, "State")!.GetType().GetGenericTypeDefinition());
    }

    [Fact]
    public void Create_OptionalServicesRegistered_UsesThemOverDefaults()
    {
        var assembly = GeneratorRun.Of(Samples.Counter).Load();
        var greeter = assembly.Create("MyApp.Greeter");
        var services = new TestServices()
            .Add(assembly.Type("MyApp.IClock"), CreateClock(assembly))
            .Add(assembly.Type("MyApp.IGreeter"), greeter)
            .Add(typeof(int), 9)
            .Add(typeof(string), "registered");

        var grain = assembly.Activator(CounterGrain)(services, new TestActivationContext());

        Assert.Same(greeter, Property(grain, "Greeter"));
        Assert.Equal(9, Property(grain, "Retries"));
        Assert.Equal("registered", Property(grain, "Label"));
    }

    [Fact]
    public void Create_RequiredServiceMissing_ThrowsNamingTheServiceAndTheGrainClass()
    {
        var assembly = GeneratorRun.Of(Samples.Counter).Load();

        var error = Assert.Throws<InvalidOperationException>(() => assembly.Activator(CounterGrain)(new TestServices(), new TestActivationContext()));

        Assert.Equal("No service for type 'MyApp.IClock' is registered; grain class 'MyApp.CounterGrain' needs it.", error.Message);
    }

    [Fact]
    public void Create_ConstructorMarkedForActivation_IsChosenOverOneWithMoreParameters()
    {
        var assembly = GeneratorRun.Of(Samples.InNamespace("""
            public sealed class Picky : Grain
            {
                public Picky(string a, string b) { Chosen = "two"; }

                [ActivatorUtilitiesConstructor]
                public Picky(string a) { Chosen = "marked"; }

                public string Chosen { get; }
            }
            """)).Load();

        var grain = assembly.Activator("MyApp.Picky")(new TestServices().Add(typeof(string), "x"), new TestActivationContext());

        Assert.Equal("marked", Property(grain, "Chosen"));
    }

    [Fact]
    public void Create_SeveralUnmarkedConstructors_ChoosesTheOneWithMostParameters()
    {
        var assembly = GeneratorRun.Of(Samples.InNamespace("""
            public sealed class Picky : Grain
            {
                public Picky() { Chosen = "none"; }
                public Picky(string a, Uri b) { Chosen = a + " " + b.Host; }
                public Picky(string a) { Chosen = "one"; }
                private Picky(string a, Uri b, int c) { Chosen = "private"; }

                public string Chosen { get; }
            }
            """)).Load();
        var services = new TestServices().Add(typeof(string), "two").Add(typeof(Uri), new Uri("http://localhost/"));

        var grain = assembly.Activator("MyApp.Picky")(services, new TestActivationContext());

        Assert.Equal("two localhost", Property(grain, "Chosen"));
    }

    [Fact]
    public void Create_ParameterlessGrain_NeedsNoServices()
    {
        var assembly = GeneratorRun.Of(Samples.InNamespace("public sealed class Simple : Grain { }")).Load();

        var grain = assembly.Activator("MyApp.Simple")(new TestServices(), new TestActivationContext());

        Assert.IsType(assembly.Type("MyApp.Simple"), grain);
    }

    [Fact]
    public void Create_PersistentStateWithoutStorageName_PassesNullStorage()
    {
        var assembly = GeneratorRun.Of(Samples.InNamespace("""
            public struct Tally { public int Count; }

            public sealed class Tallying : Grain
            {
                public Tallying([PersistentState("tally")] IPersistentState<Tally> tally) { }
            }
            """)).Load();
        var context = new TestActivationContext();

        assembly.Activator("MyApp.Tallying")(new TestServices(), context);

        Assert.Equal(new[] { (assembly.Type("MyApp.Tally"), "tally", (string?)null) }, context.Requested);
    }

    [Fact]
    public void Create_DefaultValuesOfEveryConstantKind_FallBackToTheDeclaredValues()
    {
        var assembly = GeneratorRun.Of(Samples.InNamespace("""
            public enum Sign { Minus = -1, Plus = 1 }

            public sealed class Defaults : Grain
            {
                public Defaults(
                    long big = -5_000_000_000L, ulong huge = ulong.MaxValue, uint positive = 7U, short small = -3, byte tiny = 200,
                    double ratio = 0.1, double missing = double.NaN, float single = 2.5F, float endless = float.NegativeInfinity,
                    decimal money = 12.34M, char letter = '\'', bool flag = true, Sign sign = Sign.Minus, int? maybe = 4,
                    Sign? noSign = null, string? text = null, DateTime when = default, string path = "C:\\temp\n")
                {
                    Values = new object?[] { big, huge, positive, small, tiny, ratio, missing, single, endless, money, letter, flag, sign, maybe, noSign, text, when, path };
                }

                public object?[] Values { get; }
            }
            """)).Load();

        var grain = assembly.Activator("MyApp.Defaults")(new TestServices(), new TestActivationContext());

        var values = (object?[])Property(grain, "Values")!;
        var sign = Enum.ToObject(assembly.Type("MyApp.Sign"), -1);
        object?[] expected =
        [
            -5_000_000_000L, ulong.MaxValue, 7U, (short)-3, (byte)200, 0.1, double.NaN, 2.5F, float.NegativeInfinity,
            12.34M, '\'', true, sign, 4, null, null, default(DateTime), "C:\\temp\n",
        ];
        Assert.Equal(expected, values);
    }

    private static object? Property(object instance, string name) => instance.GetType().GetProperty(name)!.GetValue(instance);

    private static object CreateClock(GeneratedAssembly assembly) => assembly.Create("MyApp.SystemClock");
}
