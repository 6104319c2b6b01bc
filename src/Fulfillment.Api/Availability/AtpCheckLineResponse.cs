namespace Fulfillment.Api.Availability;

/// <summary>
/// One cart line: the network's available quantity, whether the line can be promised, the warehouses it would ship
/// from, and the delivery date it can be promised for (<c>yyyy-MM-dd</c>; null when it cannot be promised).
/// </summary>
public sealed record AtpCheckLineResponse(
    string Sku,
    int Quantity,
    int Available,
    bool CanPromise,
    IReadOnlyList<ShipFromResponse> ShipFrom,
    DateOnly? PromisedDeliveryDate);
