using Fulfillment.Contracts.Carriers;

namespace Fulfillment.Api.Operations;

/// <summary>
/// A carrier's figures: orders assigned (cancelled ones included), deliveries on time and late against the promise,
/// the on-time rate over deliveries, and average pick-to-pack and label-to-scan minutes (null until there is something
/// to average); updatedAt is when they last changed.
/// </summary>
public sealed record CarrierResponse(
    string Carrier,
    int TotalOrders,
    int Delivered,
    int OnTimeDeliveries,
    int LateDeliveries,
    double? OnTimeRatePct,
    double? AvgPickToPackMinutes,
    double? AvgLabelToScanMinutes,
    DateTimeOffset? UpdatedAt)
{
    public static CarrierResponse From(CarrierPerformance figures) => new(
        figures.Carrier,
        figures.TotalOrders,
        figures.Delivered,
        figures.OnTimeDeliveries,
        figures.LateDeliveries,
        figures.OnTimeRatePct,
        figures.AvgPickToPackMinutes,
        figures.AvgLabelToScanMinutes,
        figures.UpdatedAt);
}
