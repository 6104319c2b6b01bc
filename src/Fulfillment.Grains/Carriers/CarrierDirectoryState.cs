namespace Fulfillment.Grains.Carriers;

/// <summary>The carriers that have had orders, in ordinal order.</summary>
internal sealed class CarrierDirectoryState
{
    public List<string> Carriers { get; set; } = [];
}
