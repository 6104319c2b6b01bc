namespace Fulfillment.Grains.Configuration;

/// <summary>
/// The <c>Sla</c> configuration section: when an order's alerts are raised. Values are time spans
/// (<c>"00:30:00"</c>), so a test or a demo can use seconds.
/// </summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>Longest threshold accepted: anything longer is a typo, not a policy.</summary>
    public static readonly TimeSpan MaxThreshold = TimeSpan.FromDays(30);

    /// <summary>Picked and not packed this long after the pick: <c>pick_to_pack_stall</c>. Default 30 min.</summary>
    public TimeSpan PickToPackStall { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Labeled and not scanned by the carrier this long after the label: <c>label_to_scan_stall</c>. Default 2 h.</summary>
    public TimeSpan LabelToScanStall { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Not delivered this long before the promise: <c>at_risk</c> and <c>sla_at_risk</c>. Default 4 h.</summary>
    public TimeSpan AtRiskBefore { get; set; } = TimeSpan.FromHours(4);
}
