using Grains.Hosting;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Tests.Support;

/// <summary>
/// Starts a test silo with the <see cref="Signals"/> and <see cref="Gates"/> services. Every suite deriving from it
/// runs twice: with direct in-silo calls and with every call and response serialized as if it crossed the wire.
/// </summary>
public abstract class RuntimeTestBase : IAsyncLifetime
{
    private readonly List<TestSilo> _silos = [];

    protected abstract bool SerializeCalls { get; }

    protected Signals Signals { get; } = new();

    protected Gates Gates { get; } = new();

    protected TestSilo Silo { get; set; } = null!;

    protected IGrainFactory Grains => Silo.GrainFactory;

    public virtual async Task InitializeAsync() => Silo = await StartSiloAsync();

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.KillAsync();
        }
    }

    protected async Task<TestSilo> StartSiloAsync(Action<ISiloBuilder>? configure = null, ManualTimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var silo = await TestSilo.StartAsync(
            builder =>
            {
                builder.AddGrainAssemblyContaining<RuntimeTestBase>();
                builder.Configure(o => o.SerializeInSiloCalls = SerializeCalls);
                configure?.Invoke(builder);
            },
            s =>
            {
                s.AddSingleton(Signals);
                s.AddSingleton(Gates);
                services?.Invoke(s);
            },
            time);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Replaces the default silo with one configured for the test.</summary>
    protected async Task RestartSiloAsync(Action<ISiloBuilder>? configure = null, ManualTimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        await Silo.KillAsync();
        Silo = await StartSiloAsync(configure, time, services);
    }
}
