namespace Fulfillment.Api.Availability;

/// <summary>
/// Available-to-promise of one SKU across the network: the sum of every warehouse's available stock, whether the
/// quantity asked for can be promised, when the view was current, and the warehouses it sums (none for an unknown SKU).
/// </summary>
public sealed record AtpResponse(string Sku, int Available, bool CanPromise, DateTimeOffset AsOf, IReadOnlyList<AtpWarehouseResponse> Warehouses);
