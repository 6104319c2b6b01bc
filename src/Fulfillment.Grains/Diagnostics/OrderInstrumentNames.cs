namespace Fulfillment.Grains.Diagnostics;

/// <summary>The orders meter and its instrument names, in one place so dashboards and tests agree on them.</summary>
public static class OrderInstrumentNames
{
    public const string Meter = "Fulfillment.Orders";

    /// <summary>Counter of orders entering a stage (creation counts as entering <c>created</c>), tagged <c>stage</c>.</summary>
    public const string StageTransitions = "fulfillment.orders.stage_transitions";

    /// <summary>Counter of alerts raised (a resolved alert raised again counts again), tagged <c>kind</c>.</summary>
    public const string AlertsRaised = "fulfillment.orders.alerts_raised";

    /// <summary>Counter of alerts resolved, tagged <c>kind</c>.</summary>
    public const string AlertsResolved = "fulfillment.orders.alerts_resolved";

    /// <summary>The tag naming the stage entered.</summary>
    public const string StageTag = "stage";

    /// <summary>The tag naming the alert kind.</summary>
    public const string KindTag = "kind";
}
