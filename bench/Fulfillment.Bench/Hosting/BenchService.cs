using Fulfillment.Api.Hosting;
using Fulfillment.Grains.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfillment.Bench.Hosting;

/// <summary>
/// The fulfillment service composed as Program.cs composes it, listening with Kestrel on a free loopback port in the
/// bench process. Development with no API keys (every route open), the storefront rate limit and the demo catalogue
/// off, configuration from the bench only, warnings and errors logged to standard error. A scenario adds its own
/// settings, services and grains through <see cref="BenchServiceSetup"/>.
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

    /// <summary>The warehouses the service's network is configured with (the default network unless a scenario sets one).</summary>
    public IReadOnlyList<string> WarehouseIds =>
        [.. _app.Services.GetRequiredService<IOptions<FulfillmentOptions>>().Value.Warehouses.Select(w => w.Id)];

    public static async Task<BenchService> StartAsync(BenchServiceSetup setup, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development, Args = [] });

        // Only what the bench sets: not the bench's arguments, not appsettings files, not the environment. With no
        // Auth:ApiKeys, Development leaves every route open; the limiter would refuse a load after 100 requests/s.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = setup.Storage.ToString(),
            ["Storage:Sqlite:DataSource"] = setup.DataSource,
            ["RateLimiting:Storefront:Enabled"] = "false",
            ["Demo:SeedCatalog"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(setup.Settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        setup.ConfigureServices?.Invoke(builder.Services);
        builder.AddFulfillment(setup.ConfigureSilo);

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
