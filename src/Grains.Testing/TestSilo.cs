using Grains.Hosting;
using Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grains.Testing;

/// <summary>
/// A silo hosted in the test process, on a <see cref="ManualTimeProvider"/>, with in-memory storage and reminders unless
/// the test configures others. <see cref="StopAsync"/> shuts down gracefully; <see cref="KillAsync"/> drops everything
/// as a crash would, leaving only what storage acknowledged.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Silo _silo;
    private bool _ended;

    private TestSilo(IHost host, ManualTimeProvider time)
    {
        _host = host;
        Time = time;
        Runtime = host.Services.GetRequiredService<GrainRuntime>();
        GrainFactory = host.Services.GetRequiredService<IGrainFactory>();
        _silo = host.Services.GetRequiredService<Silo>();
    }

    public ManualTimeProvider Time { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory GrainFactory { get; }

    /// <summary>Activations in memory now.</summary>
    public int ActivationCount => Runtime.Catalog.Count;

    /// <summary>Calls made that have not completed yet.</summary>
    public int PendingCalls => Runtime.PendingCalls;

    internal GrainRuntime Runtime { get; }

    /// <summary>Starts a silo. <paramref name="configureSilo"/> runs after the in-memory defaults, so it may replace them.</summary>
    public static async Task<TestSilo> StartAsync(
        Action<ISiloBuilder>? configureSilo = null,
        Action<IServiceCollection>? configureServices = null,
        ManualTimeProvider? time = null)
    {
        time ??= new ManualTimeProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddGrains(silo =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.UseInMemoryReminderService();
            configureSilo?.Invoke(silo);
        });
        configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new TestSilo(host, time);
    }

    /// <summary>Runs an idle collection now, as the collector would on its next quantum; returns how many activations it started deactivating.</summary>
    public int CollectIdleActivations() => _silo.CollectIdle();

    /// <summary>True when the grain has an activation in memory.</summary>
    public bool IsActive(IAddressable grain) => Runtime.Catalog.TryGet(grain.GetGrainId(), out _);

    /// <summary>Completes when the grain's current activation has deactivated (at once if it has none).</summary>
    public Task WhenDeactivated(IAddressable grain) =>
        Runtime.Catalog.TryGet(grain.GetGrainId(), out var activation) ? activation.Deactivated : Task.CompletedTask;

    /// <summary>Graceful shutdown: drains mailboxes and deactivates every grain.</summary>
    public async Task StopAsync()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }

    /// <summary>Abrupt stop: no deactivation, no flush; pending calls fail.</summary>
    public async Task KillAsync()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            _host.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
