namespace Fulfillment.Grains.Carriers;

/// <summary>What an open order last reported to its carrier: kept so its next report can replace its contribution.</summary>
internal sealed class CarrierOrderFacts
{
    public long Version { get; set; }

    public bool Delivered { get; set; }

    public bool? OnTime { get; set; }

    public double? PickToPackMinutes { get; set; }

    public double? LabelToScanMinutes { get; set; }
}
