namespace Fulfillment.Grains.Inventory;

/// <summary>An inventory event's effect, read from its CloudEvent.</summary>
internal readonly record struct InventoryChange(InventoryChangeKind Kind, InventoryKey Key, int Quantity);
