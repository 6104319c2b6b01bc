namespace Fulfillment.Grains.Configuration;

/// <summary>
/// The <c>Sourcing</c> configuration section: handling time and the transit table the planner ranks warehouses by.
/// Configured transit entries are merged over the default table for the default network.
/// </summary>
public sealed class SourcingOptions
{
    public const string SectionName = "Sourcing";

    /// <summary>Longest handling or transit time accepted, in days.</summary>
    public const int MaxDays = 60;

    /// <summary>Days between the order and the parcel leaving the warehouse. Default 1.</summary>
    public int HandlingDays { get; set; } = 1;

    /// <summary>Transit days for a region and warehouse the table does not name (or when no region is given). Default 5.</summary>
    public int DefaultTransitDays { get; set; } = 5;

    /// <summary>
    /// <c>Sourcing:TransitDays:{region}:{warehouseId}</c>: days in transit from a warehouse to a destination region.
    /// Region and warehouse names are matched case-insensitively.
    /// </summary>
    public Dictionary<string, Dictionary<string, int>> TransitDays { get; set; } = DefaultNetwork.TransitTable();
}
