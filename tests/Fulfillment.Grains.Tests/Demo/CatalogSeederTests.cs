using Fulfillment.Contracts.Inventory;
using Fulfillment.Grains.Demo;
using Fulfillment.Grains.Tests.Support;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Fulfillment.Grains.Tests.Support.Network;

namespace Fulfillment.Grains.Tests.Demo;

public sealed class CatalogSeederTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> SeedCatalog = new() { ["Demo:SeedCatalog"] = "true" };

    private readonly SharedStores _shared = SharedStores.Create();
    private readonly List<TestSilo> _silos = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.KillAsync();
        }
    }

    [Fact]
    public async Task Enabled_SeedsEveryPositionThroughTheGrains_AndTheViews()
    {
        var silo = await StartAsync(SeedCatalog);

        await SeedingAsync(silo);

        var positions = DemoCatalog.Positions([East, Central, West]);
        var rows = await Task.WhenAll(positions.Select(p => silo.GrainFactory.Inventory(p.WarehouseId, p.Sku).GetRow()));
        Assert.All(positions.Zip(rows), pair =>
        {
            var (position, row) = pair;
            Assert.Equal((position.Levels.OnHand, position.Levels.SafetyStock, position.Levels.Inbound, 0), (row!.OnHand, row.SafetyStock, (int?)row.Inbound, row.Reserved));
        });
        Assert.True(await silo.GrainFactory.GetGrain<ICatalogSeedGrain>(CatalogSeeder.MarkerKey).IsSeeded());
        var first = positions.Where(p => p.Sku == "SKU-0001").Sum(p => Math.Max(0, p.Levels.OnHand - p.Levels.SafetyStock));
        await Eventually.Until(() => silo.GrainFactory.Availability("SKU-0001").Get(), v => v.Available == first);
    }

    [Fact]
    public async Task SecondStartOnTheSameData_SeedsNothing()
    {
        var silo = await StartAsync(SeedCatalog);
        await SeedingAsync(silo);
        var position = DemoCatalog.Positions([East, Central, West])[0];
        await silo.GrainFactory.Inventory(position.WarehouseId, position.Sku).SetLevels(new InventoryLevels(7, 0, 0));
        await silo.KillAsync();

        var next = await StartAsync(SeedCatalog);
        await SeedingAsync(next);

        var row = await next.GrainFactory.Inventory(position.WarehouseId, position.Sku).GetRow();
        Assert.Equal((7, 2L), (row!.OnHand, row.Version));
    }

    [Fact]
    public async Task NotEnabled_SeedsNothing()
    {
        var silo = await StartAsync([]);

        await SeedingAsync(silo);

        Assert.False(await silo.GrainFactory.GetGrain<ICatalogSeedGrain>(CatalogSeeder.MarkerKey).IsSeeded());
        Assert.Null(await silo.GrainFactory.Inventory(East, "SKU-0001").GetRow());
        Assert.Null(await silo.GrainFactory.Inventory(Central, "SKU-0001").GetRow());
        Assert.Null(await silo.GrainFactory.Inventory(West, "SKU-0001").GetRow());
    }

    private static Task SeedingAsync(TestSilo silo) =>
        silo.Services.GetServices<IHostedService>().OfType<CatalogSeeder>().Single().ExecuteTask!;

    private async Task<TestSilo> StartAsync(Dictionary<string, string?> configuration)
    {
        var silo = await DomainSilo.StartAsync(_shared, configuration);
        _silos.Add(silo);
        return silo;
    }
}
