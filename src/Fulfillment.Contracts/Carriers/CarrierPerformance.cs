namespace Fulfillment.Contracts.Carriers;

/// <summary>
/// A carrier's figures (<c>GET /api/v1/carriers/{carrier}</c>). Rates and averages are null until there is something to
/// average: on-time rate over delivered orders, durations over the orders that report them.
/// <list type="bullet">
/// <item><c>TotalOrders</c>: Orders assigned to the carrier, cancelled ones included.</item>
/// <item><c>OnTimeRatePct</c>: On-time deliveries per hundred deliveries, two decimals.</item>
/// </list>
/// </summary>
public sealed record CarrierPerformance(
    string Carrier,
    int TotalOrders,
    int Delivered,
    int OnTimeDeliveries,
    int LateDeliveries,
    double? OnTimeRatePct,
    double? AvgPickToPackMinutes,
    double? AvgLabelToScanMinutes,
    DateTimeOffset? UpdatedAt);
