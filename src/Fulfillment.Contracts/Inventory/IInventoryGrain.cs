using Grains;

namespace Fulfillment.Contracts.Inventory;

/// <summary>
/// One SKU in one warehouse, keyed <c>warehouseId/sku</c> (<see cref="FulfillmentStreams.InventoryKey"/>): on hand,
/// reserved, safety stock and inbound supply, and the holds of reservations. It is the single serial writer of its
/// stock, so a hold can never oversell: available-to-promise = on hand − reserved − safety stock, never negative.
/// Every change is pushed to the SKU's <see cref="Availability.IAvailabilityGrain"/>.
/// </summary>
[Alias("fulfillment.inventory")]
public interface IInventoryGrain : IGrainWithStringKey
{
    /// <summary>The position, or null when this warehouse has never stocked the SKU.</summary>
    [ReadOnly]
    Task<InventoryRow?> GetRow();

    /// <summary>Sets on hand and safety stock (and inbound when given), as the ops route and adjustment events do.</summary>
    Task<InventoryRow> SetLevels(InventoryLevels levels);

    /// <summary>
    /// Holds stock for a reservation until <see cref="StockHold.ExpiresAt"/>. Idempotent by reservation id: the same id
    /// again returns the first outcome and holds nothing twice. Acknowledged only once durable.
    /// </summary>
    Task<HoldOutcome> Hold(StockHold hold);

    /// <summary>Turns a hold into an allocation without expiry; false when no hold of that id is here (released or expired).</summary>
    Task<bool> Confirm(string reservationId);

    /// <summary>Returns the held or allocated stock at once; false when nothing of that id was here.</summary>
    Task<bool> Release(string reservationId);

    /// <summary>The allocation left the warehouse: on hand drops by its quantity and the allocation ends; false if unknown.</summary>
    Task<bool> Ship(string reservationId);
}
