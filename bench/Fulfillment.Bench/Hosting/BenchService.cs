using System.Globalization;
using Fulfillment.Api.Hosting;
using Fulfillment.Bench.Grains;
using Fulfillment.Bench.Ingest;
using Grains.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fulfillment.Bench.Hosting;

/// <summary>
/// The fulfillment service composed as Program.cs composes it, plus the bench's subscriber grain, listening with
/// Kestrel on a free loopback port in the bench process. Development (no API keys), configuration from the bench
/// only, warnings and errors logged to standard error.
/// </summary>
internal sealed class BenchService : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromMinutes(2);

    private readonly WebApplication _app;
    private bool _stopped;

    private BenchService(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BenchService> StartAsync(
        IngestLog log, IReadOnlyDictionary<string, string?> storage, int maxBatchEvents, IngestProbe probe, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development, Args = [] });

        // Only what the bench sets: not the bench's arguments, not appsettings files, not the environment.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(storage)
        {
            ["Storage:Provider"] = log.ToString(),
            ["Ingestion:MaxBatchEvents"] = Math.Max(maxBatchEvents, 1_000).ToString(CultureInfo.InvariantCulture),
            // A bench event is about 300 bytes; leave room for twice that.
            ["Ingestion:MaxBodyBytes"] = Math.Max(maxBatchEvents * 600L, 1L << 20).ToString(CultureInfo.InvariantCulture),
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSingleton(probe);
        builder.AddFulfillment(silo => silo.AddGrainAssembly(typeof(IngestProbeGrain).Assembly));

        var app = builder.Build();
        app.UseFulfillment();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Single()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        return new BenchService(app, new Uri(address));
    }

    /// <summary>Graceful stop: stream agents drain and checkpoint, grains deactivate, the database closes.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var timeout = new CancellationTokenSource(ShutdownTimeout);
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
