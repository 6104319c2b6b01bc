namespace Fulfillment.Grains.Warehouses;

/// <summary>What an order open at a warehouse last reported there: kept so its next report can replace its contribution.</summary>
internal sealed class WarehouseOrderFacts
{
    public long Version { get; set; }

    public string Stage { get; set; } = string.Empty;

    public double? PickToPackMinutes { get; set; }

    public string? OpenStall { get; set; }

    public DateTimeOffset? StalledSince { get; set; }
}
