namespace Fulfillment.Contracts.Warehouses;

/// <summary>
/// A warehouse's figures (<c>GET /api/v1/warehouses/{warehouseId}</c>).
/// <list type="bullet">
/// <item><c>Backlog</c>: Orders there now, per non-final stage with at least one, by stage rank.</item>
/// <item><c>PickToPackP50Minutes</c>: Nearest-rank median of the pick-to-pack samples; null without samples.</item>
/// <item><c>PickToPackP90Minutes</c>: Nearest-rank 90th percentile of the same samples.</item>
/// <item><c>PickToPackSamples</c>: How many samples the percentiles cover: the most recent packed orders, up to a bound.</item>
/// <item><c>StuckOrders</c>: Orders with an open stall alert, oldest first.</item>
/// </list>
/// </summary>
public sealed record WarehousePerformance(
    string WarehouseId,
    IReadOnlyList<StageCount> Backlog,
    double? PickToPackP50Minutes,
    double? PickToPackP90Minutes,
    int PickToPackSamples,
    IReadOnlyList<StuckOrder> StuckOrders,
    DateTimeOffset? UpdatedAt);
