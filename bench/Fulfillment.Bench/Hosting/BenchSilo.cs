using System.Diagnostics;
using Fulfillment.Bench.Grains;
using Grains;
using Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fulfillment.Bench.Hosting;

/// <summary>A silo hosted in the bench process on the real clock, logging warnings and worse to standard error only.</summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    // Stopping deactivates every activation; a million of them must not hit the host's 30 s default.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromMinutes(10);

    private readonly IHost _host;
    private bool _stopped;

    private BenchSilo(IHost host)
    {
        _host = host;
        GrainFactory = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory GrainFactory { get; }

    /// <summary>The silo's services, for scenarios that drive a provider directly (the stream log).</summary>
    public IServiceProvider Services => _host.Services;

    public static async Task<BenchSilo> StartAsync(Action<ISiloBuilder> configure, CancellationToken cancellationToken)
    {
        // No default configuration sources: the bench's own arguments must not be read as host settings.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.AddGrains(silo =>
        {
            silo.AddGrainAssemblyContaining<BenchGrain>();
            configure(silo);
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new BenchSilo(host);
    }

    /// <summary>Graceful stop (every activation deactivates); returns how long it took.</summary>
    public async Task<TimeSpan> StopAsync()
    {
        var started = Stopwatch.GetTimestamp();
        if (!_stopped)
        {
            _stopped = true;
            using var timeout = new CancellationTokenSource(ShutdownTimeout);
            await _host.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);

        // Storage providers close their databases asynchronously; a synchronous dispose would block on them.
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            _host.Dispose();
        }
    }
}
