using Fulfillment.Contracts.Warehouses;

namespace Fulfillment.Api.Operations;

/// <summary>
/// A warehouse's operations: backlog of open orders per stage (by stage rank, zero counts left out), pick-to-pack p50
/// and p90 in minutes over the most recent packed orders (how many: pickToPackSamples), and the stuck orders — those
/// with an open stall alert, oldest first.
/// </summary>
public sealed record WarehouseResponse(
    string WarehouseId,
    IReadOnlyList<StageCountResponse> Backlog,
    double? PickToPackP50Minutes,
    double? PickToPackP90Minutes,
    int PickToPackSamples,
    IReadOnlyList<StuckOrderResponse> StuckOrders,
    DateTimeOffset? UpdatedAt)
{
    public static WarehouseResponse From(WarehousePerformance figures) => new(
        figures.WarehouseId,
        [.. figures.Backlog.Select(b => new StageCountResponse(b.Stage, b.Count))],
        figures.PickToPackP50Minutes,
        figures.PickToPackP90Minutes,
        figures.PickToPackSamples,
        [.. figures.StuckOrders.Select(s => new StuckOrderResponse(s.OrderId, s.Kind, s.Since))],
        figures.UpdatedAt);
}
