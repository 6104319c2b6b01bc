using Fulfillment.Contracts.Orders;

namespace Fulfillment.ReadModels;

/// <summary>
/// One alert as the alert list and the alert feed show it. <see cref="FeedSequence"/> is given by the store when the
/// row last changed (0 before it is stored): it grows with every change of any alert, so a feed client resumes after
/// the last one it saw.
/// </summary>
public sealed record AlertRow(
    string AlertId,
    string OrderId,
    string Kind,
    string Status,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset DueAt,
    string? WarehouseId,
    string? Carrier,
    long Version,
    long FeedSequence = 0)
{
    public static AlertRow From(OrderAlert alert) => new(
        alert.AlertId,
        alert.OrderId,
        alert.Kind,
        alert.Status,
        alert.RaisedAt,
        alert.ResolvedAt,
        alert.DueAt,
        alert.WarehouseId,
        alert.Carrier,
        alert.Version);
}
