namespace Fulfillment.Grains.Warehouses;

/// <summary>One order's pick-to-pack duration, in minutes.</summary>
internal sealed class PickToPackSample
{
    public string OrderId { get; set; } = string.Empty;

    public double Minutes { get; set; }
}
