namespace Fulfillment.Grains.Sourcing;

/// <summary>
/// One cart line in a sourcing plan: the network's available quantity, whether the line can be promised, the
/// warehouses it ships from, and the date it can be promised by.
/// </summary>
public sealed record LinePlan(string Sku, int Quantity, int Available, bool CanPromise, IReadOnlyList<ShipFrom> ShipFrom, DateOnly? PromisedDeliveryDate);
