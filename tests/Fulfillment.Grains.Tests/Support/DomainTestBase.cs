using Grains;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Grains.Tests.Support;

/// <summary>
/// A silo with the fulfillment grains on stores that outlive it, so a test can kill it and start the next one on what
/// was acknowledged. Suites deriving from it run with direct calls and with every call serialized (see Modes.cs).
/// </summary>
public abstract class DomainTestBase : IAsyncLifetime
{
    private readonly List<TestSilo> _silos = [];

    protected abstract bool SerializeCalls { get; }

    protected SharedStores Shared { get; } = SharedStores.Create();

    protected TestSilo Silo { get; private set; } = null!;

    protected IGrainFactory Grains => Silo.GrainFactory;

    protected ManualTimeProvider Time => Shared.Time;

    protected DateTimeOffset Now => Shared.Time.GetUtcNow();

    /// <summary>Configuration of every silo the suite starts (none: the defaults).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Configuration => null;

    public virtual async Task InitializeAsync() => Silo = await StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.KillAsync();
        }
    }

    protected async Task<TestSilo> StartAsync(SharedStores? shared = null, Action<IServiceCollection>? services = null)
    {
        var silo = await DomainSilo.StartAsync(shared ?? Shared, Configuration, services: s => { ConfigureServices(s); services?.Invoke(s); }, serializeCalls: SerializeCalls);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Services every silo the suite starts gets, beside the domain's.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Kills the silo as a crash would and starts another on the same stores (or on <paramref name="shared"/>).</summary>
    protected async Task RestartAsync(SharedStores? shared = null)
    {
        await Silo.KillAsync();
        Silo = await StartAsync(shared);
    }
}
