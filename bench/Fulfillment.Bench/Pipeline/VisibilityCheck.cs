namespace Fulfillment.Bench.Pipeline;

/// <summary>An acknowledged event to see in <c>GET /api/v1/orders/{id}</c>: the order must show at least <see cref="MinimumRank"/>.</summary>
internal readonly record struct VisibilityCheck(string OrderId, int MinimumRank, long AckedAt);
