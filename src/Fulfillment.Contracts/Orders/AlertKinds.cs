namespace Fulfillment.Contracts.Orders;

/// <summary>The kinds of <see cref="OrderAlert"/>, as the gateway contract spells them. Wire names: never rename one.</summary>
public static class AlertKinds
{
    /// <summary>Picked, and not packed within <c>Sla:PickToPackStall</c> of the pick.</summary>
    public const string PickToPackStall = "pick_to_pack_stall";

    /// <summary>Labeled, and not scanned by the carrier within <c>Sla:LabelToScanStall</c> of the label.</summary>
    public const string LabelToScanStall = "label_to_scan_stall";

    /// <summary>Not delivered, and the promise is less than <c>Sla:AtRiskBefore</c> away.</summary>
    public const string SlaAtRisk = "sla_at_risk";

    /// <summary>Not delivered, and the promise has passed.</summary>
    public const string SlaBreached = "sla_breached";

    public static IReadOnlyList<string> All { get; } = [PickToPackStall, LabelToScanStall, SlaAtRisk, SlaBreached];

    /// <summary>True for the two stall kinds: an order with one open is stuck in its warehouse.</summary>
    public static bool IsStall(string kind) => kind is PickToPackStall or LabelToScanStall;
}
