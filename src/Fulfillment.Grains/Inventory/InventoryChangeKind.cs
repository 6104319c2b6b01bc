namespace Fulfillment.Grains.Inventory;

internal enum InventoryChangeKind
{
    /// <summary><c>fulfillment.inventory.received</c>: on hand += quantity.</summary>
    Received,

    /// <summary><c>fulfillment.inventory.adjusted</c>: on hand = quantity (a count).</summary>
    Adjusted,
}
