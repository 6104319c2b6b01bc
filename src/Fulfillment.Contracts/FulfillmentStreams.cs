namespace Fulfillment.Contracts;

/// <summary>
/// Stream namespaces of the event log. Subscriber grains name them in <c>[ImplicitStreamSubscription]</c>; the key of an
/// event is the key of the grain it reaches.
/// </summary>
public static class FulfillmentStreams
{
    /// <summary>Order events, keyed by order id.</summary>
    public const string Orders = "orders";

    /// <summary>Inventory events, keyed by <c>warehouseId/sku</c> (see <see cref="InventoryKey"/>).</summary>
    public const string Inventory = "inventory";

    /// <summary>The key of an inventory position; also the <c>subject</c> of its events.</summary>
    public static string InventoryKey(string warehouseId, string sku) => string.Concat(warehouseId, "/", sku);
}
