using Fulfillment.Contracts.Inventory;

namespace Fulfillment.Grains.Demo;

/// <summary>One seeded position: a SKU's levels in one warehouse.</summary>
internal sealed record DemoPosition(string WarehouseId, string Sku, InventoryLevels Levels);
