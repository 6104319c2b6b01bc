using Fulfillment.ReadModels;

namespace Fulfillment.Api.Alerts;

/// <summary>
/// An SLA alert: its id (<c>{orderId}:{kind}</c>), order, kind, when it was raised, and whether it is open or resolved
/// (then since when); dueAt is the deadline it missed, and the order's warehouse and carrier help route it.
/// </summary>
public sealed record AlertResponse(
    string AlertId,
    string OrderId,
    string Kind,
    DateTimeOffset RaisedAt,
    string Status,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset DueAt,
    string? WarehouseId,
    string? Carrier)
{
    public static AlertResponse From(AlertRow row) =>
        new(row.AlertId, row.OrderId, row.Kind, row.RaisedAt, row.Status, row.ResolvedAt, row.DueAt, row.WarehouseId, row.Carrier);
}
