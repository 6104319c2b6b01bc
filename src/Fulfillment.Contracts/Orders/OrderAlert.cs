namespace Fulfillment.Contracts.Orders;

/// <summary>
/// An SLA alert of one order. There is at most one per order and kind, so <see cref="AlertId"/> is
/// <c>{orderId}:{kind}</c>; a resolved alert stays (status resolved, with <see cref="ResolvedAt"/>) and is never deleted.
/// <list type="bullet">
/// <item><c>Kind</c>: One of <see cref="AlertKinds"/>.</item>
/// <item><c>Status</c>: One of <see cref="AlertStatuses"/>.</item>
/// <item><c>RaisedAt</c>: When the service raised it (its clock); the alert lag is <c>RaisedAt − DueAt</c>.</item>
/// <item><c>DueAt</c>: The deadline that was missed: stage time + stall threshold, or the promise (minus the at-risk lead).</item>
/// <item><c>Version</c>: The order's <see cref="OrderView.Version"/> at which this alert last changed.</item>
/// </list>
/// </summary>
public sealed record OrderAlert(
    string AlertId,
    string OrderId,
    string Kind,
    string Status,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset DueAt,
    string? WarehouseId,
    string? Carrier,
    long Version)
{
    public static string IdOf(string orderId, string kind) => string.Concat(orderId, ":", kind);
}
