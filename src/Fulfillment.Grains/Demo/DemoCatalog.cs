using System.Globalization;
using Fulfillment.Contracts.Inventory;

namespace Fulfillment.Grains.Demo;

/// <summary>
/// The demo catalogue: SKU-0001..SKU-0300 across the configured warehouses, from a fixed seed, so every data directory
/// gets the same stock. Shaped like a real assortment: most SKUs stocked in two or three warehouses, a few in one, a
/// long tail of slow movers, some positions sold out, safety stock a few percent of on hand, inbound supply on about a
/// third of the positions.
/// </summary>
internal static class DemoCatalog
{
    public const int SkuCount = 300;

    private const int Seed = 20_261_122;

    public static string SkuId(int number) => string.Create(CultureInfo.InvariantCulture, $"SKU-{number:D4}");

    public static IReadOnlyList<DemoPosition> Positions(IReadOnlyList<string> warehouseIds)
    {
        ArgumentNullException.ThrowIfNull(warehouseIds);
        var random = new Random(Seed);
        var positions = new List<DemoPosition>();
        for (var number = 1; number <= SkuCount; number++)
        {
            var sku = SkuId(number);

            // Every SKU is stocked somewhere: one warehouse is drawn first, the others stock it with probability 0.7.
            var primary = random.Next(warehouseIds.Count);
            var bestSeller = random.NextDouble() < 0.15;
            for (var w = 0; w < warehouseIds.Count; w++)
            {
                var stocked = w == primary | random.NextDouble() < 0.7;
                var levels = Levels(random, bestSeller);
                if (stocked)
                {
                    positions.Add(new DemoPosition(warehouseIds[w], sku, levels));
                }
            }
        }

        return positions;
    }

    // Draws the same amount of randomness whether or not the position is used, so one SKU never shifts another.
    private static InventoryLevels Levels(Random random, bool bestSeller)
    {
        var soldOut = random.NextDouble() < 0.06;
        var onHand = soldOut ? 0 : bestSeller ? random.Next(200, 1_201) : random.Next(5, 241);
        var safetyStock = onHand == 0 ? 0 : Math.Max(1, (int)Math.Round(onHand * random.Next(2, 9) / 100.0));
        var inbound = random.NextDouble() < 0.35 ? random.Next(1, 21) * 10 : 0;
        return new InventoryLevels(onHand, safetyStock, inbound);
    }
}
