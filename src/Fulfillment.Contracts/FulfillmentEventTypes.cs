namespace Fulfillment.Contracts;

/// <summary>The CloudEvents <c>type</c> values the service accepts. They are wire names: never rename one.</summary>
public static class FulfillmentEventTypes
{
    public const string OrderCreated = "fulfillment.order.created";
    public const string OrderPaymentConfirmed = "fulfillment.order.payment_confirmed";
    public const string OrderCancelled = "fulfillment.order.cancelled";
    public const string OrderStage = "fulfillment.order.stage";
    public const string InventoryReceived = "fulfillment.inventory.received";
    public const string InventoryAdjusted = "fulfillment.inventory.adjusted";

    /// <summary>Every accepted type, in the order the gateway contract lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        OrderCreated,
        OrderPaymentConfirmed,
        OrderCancelled,
        OrderStage,
        InventoryReceived,
        InventoryAdjusted,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    /// <summary>The stream namespace events of <paramref name="type"/> are appended to, or null for an unknown type.</summary>
    public static string? StreamNamespaceOf(string type) => type switch
    {
        OrderCreated or OrderPaymentConfirmed or OrderCancelled or OrderStage => FulfillmentStreams.Orders,
        InventoryReceived or InventoryAdjusted => FulfillmentStreams.Inventory,
        _ => null,
    };
}
