namespace Fulfillment.Contracts.Inventory;

/// <summary>Levels set by operations: on hand and safety stock, and inbound supply when known (null leaves it as it is).</summary>
public sealed record InventoryLevels(int OnHand, int SafetyStock, int? Inbound = null);
