using Fulfillment.Grains.Demo;

namespace Fulfillment.Grains.Tests.Demo;

public sealed class DemoCatalogTests
{
    private static readonly string[] Warehouses = ["WH-EAST", "WH-CENTRAL", "WH-WEST"];

    [Fact]
    public void Positions_AreTheSameEveryTime()
    {
        Assert.Equal(DemoCatalog.Positions(Warehouses), DemoCatalog.Positions(Warehouses));
    }

    [Fact]
    public void Positions_StockEverySkuSomewhere_WithSaneLevels()
    {
        var positions = DemoCatalog.Positions(Warehouses);

        var skus = positions.Select(p => p.Sku).Distinct().ToList();
        Assert.Equal(Enumerable.Range(1, 300).Select(DemoCatalog.SkuId), skus);
        Assert.Equal("SKU-0001", skus[0]);
        Assert.All(positions, p =>
        {
            Assert.Contains(p.WarehouseId, Warehouses);
            Assert.InRange(p.Levels.OnHand, 0, 1_200);
            Assert.InRange(p.Levels.SafetyStock, 0, Math.Max(0, p.Levels.OnHand));
            Assert.InRange(p.Levels.Inbound!.Value, 0, 200);
        });

        // A realistic spread: most SKUs in more than one warehouse, some positions sold out, some with inbound supply.
        Assert.InRange(positions.Count, 600, 900);
        Assert.Contains(positions, p => p.Levels.OnHand == 0);
        Assert.Contains(positions, p => p.Levels.Inbound > 0);
        Assert.Contains(skus, sku => positions.Count(p => p.Sku == sku) == 1);
    }
}
