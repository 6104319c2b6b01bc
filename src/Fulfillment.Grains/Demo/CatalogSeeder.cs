using Fulfillment.Contracts;
using Fulfillment.Contracts.Inventory;
using Fulfillment.Grains.Configuration;
using Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfillment.Grains.Demo;

/// <summary>
/// Seeds the demo catalogue through the inventory grains when <c>Demo:SeedCatalog</c> is true, once per data
/// directory: a marker grain records completion, and only a completed seeding is marked, so a crash half-way seeds
/// again (setting levels is idempotent) on the next start. It waits for the host to have started, so the silo takes
/// calls whatever the order services were registered in.
/// </summary>
internal sealed partial class CatalogSeeder : BackgroundService
{
    /// <summary>The marker grain's key; a new catalogue would take a new key.</summary>
    internal const string MarkerKey = "catalog-v1";

    private const int Parallelism = 16;

    private readonly IServiceProvider _services;
    private readonly IOptions<DemoOptions> _options;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<CatalogSeeder> _logger;

    public CatalogSeeder(IServiceProvider services, IOptions<DemoOptions> options, IHostApplicationLifetime lifetime, ILogger<CatalogSeeder> logger)
    {
        _services = services;
        _options = options;
        _lifetime = lifetime;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Value.SeedCatalog)
        {
            return;
        }

        try
        {
            await HostStartedAsync(stoppingToken);
            await SeedOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before the seeding finished: it was not marked, so the next start seeds again.
        }
        catch (Exception error)
        {
            LogFailed(error);
        }
    }

    private async Task SeedOnceAsync(CancellationToken stoppingToken)
    {
        // Resolved only when seeding: hosts that never seed need no silo for this service.
        var grains = _services.GetRequiredService<IGrainFactory>();
        var network = _services.GetRequiredService<WarehouseNetwork>();
        var marker = grains.GetGrain<ICatalogSeedGrain>(MarkerKey);
        if (await marker.IsSeeded())
        {
            LogAlreadySeeded();
            return;
        }

        var positions = DemoCatalog.Positions(network.Ids);
        LogSeeding(DemoCatalog.SkuCount, positions.Count, network.Ids.Count);
        await Parallel.ForEachAsync(
            positions,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
            async (position, _) => await grains
                .GetGrain<IInventoryGrain>(FulfillmentStreams.InventoryKey(position.WarehouseId, position.Sku))
                .SetLevels(position.Levels));
        await marker.MarkSeeded(positions.Count);
        LogSeeded(positions.Count);
    }

    private async Task HostStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = _lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(3401, LogLevel.Information, "Demo catalogue: seeding {Skus} SKUs as {Positions} positions across {Warehouses} warehouses")]
    private partial void LogSeeding(int skus, int positions, int warehouses);

    [LoggerMessage(3402, LogLevel.Information, "Demo catalogue: seeded {Positions} positions")]
    private partial void LogSeeded(int positions);

    [LoggerMessage(3403, LogLevel.Information, "Demo catalogue: already seeded in this data directory; left as it is")]
    private partial void LogAlreadySeeded();

    [LoggerMessage(3404, LogLevel.Error, "Demo catalogue: seeding failed; it runs again on the next start")]
    private partial void LogFailed(Exception error);
}
