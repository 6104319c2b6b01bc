namespace Fulfillment.Grains.Diagnostics;

/// <summary>The inventory meter and its instrument names, in one place so dashboards and tests agree on them.</summary>
public static class InventoryInstrumentNames
{
    public const string Meter = "Fulfillment.Inventory";

    /// <summary>Counter of holds taken (repeats of a hold not counted), tagged <c>warehouse</c>.</summary>
    public const string Holds = "fulfillment.inventory.holds";

    /// <summary>Counter of holds refused for lack of available stock, tagged <c>warehouse</c>.</summary>
    public const string Refusals = "fulfillment.inventory.refusals";

    /// <summary>Counter of holds that expired and returned their stock, tagged <c>warehouse</c>.</summary>
    public const string Expiries = "fulfillment.inventory.expiries";

    /// <summary>The tag naming the warehouse of a measurement (a handful of values, never the SKU).</summary>
    public const string WarehouseTag = "warehouse";
}
