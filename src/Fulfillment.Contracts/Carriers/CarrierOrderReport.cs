namespace Fulfillment.Contracts.Carriers;

/// <summary>
/// What one order contributes to a carrier's figures, as of the order's <see cref="Version"/>. The carrier replaces the
/// order's previous contribution with this one.
/// <list type="bullet">
/// <item><c>Assigned</c>: False when the order has moved to another carrier: its contribution is withdrawn.</item>
/// <item><c>OnTime</c>: Delivered no later than the promise; null until delivered.</item>
/// <item><c>Closed</c>: The order is final (delivered or cancelled): no report for it will follow.</item>
/// </list>
/// </summary>
public sealed record CarrierOrderReport(
    string OrderId,
    long Version,
    bool Assigned,
    bool Delivered,
    bool? OnTime,
    double? PickToPackMinutes,
    double? LabelToScanMinutes,
    bool Closed);
