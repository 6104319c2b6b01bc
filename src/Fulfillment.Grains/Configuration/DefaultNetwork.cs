namespace Fulfillment.Grains.Configuration;

/// <summary>The network used when none is configured: three US warehouses, and transit days between their regions.</summary>
public static class DefaultNetwork
{
    public const string East = "WH-EAST";
    public const string Central = "WH-CENTRAL";
    public const string West = "WH-WEST";

    public static IReadOnlyList<WarehouseOptions> Warehouses { get; } =
    [
        new() { Id = East, Region = "us-east" },
        new() { Id = Central, Region = "us-central" },
        new() { Id = West, Region = "us-west" },
    ];

    /// <summary>A fresh copy of the default transit table (region → warehouse → days): a day within a region, two to a neighbour, four coast to coast.</summary>
    public static Dictionary<string, Dictionary<string, int>> TransitTable() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["us-east"] = Row(east: 1, central: 2, west: 4),
        ["us-central"] = Row(east: 2, central: 1, west: 2),
        ["us-west"] = Row(east: 4, central: 2, west: 1),
    };

    private static Dictionary<string, int> Row(int east, int central, int west) => new(StringComparer.OrdinalIgnoreCase)
    {
        [East] = east,
        [Central] = central,
        [West] = west,
    };
}
