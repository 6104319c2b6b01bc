namespace Fulfillment.Grains.Configuration;

/// <summary>
/// The <c>Fulfillment</c> configuration section: the warehouses of the network. None configured means the default
/// network (WH-EAST us-east, WH-CENTRAL us-central, WH-WEST us-west).
/// </summary>
public sealed class FulfillmentOptions
{
    public const string SectionName = "Fulfillment";

    /// <summary>
    /// Most warehouses a network may have: sourcing tries every subset of the warehouses stocking a cart, 2^16 at
    /// worst, which still plans in milliseconds.
    /// </summary>
    public const int MaxWarehouses = 16;

    /// <summary>The warehouses, in the order views and the demo catalogue list them.</summary>
    public List<WarehouseOptions> Warehouses { get; set; } = [];
}
