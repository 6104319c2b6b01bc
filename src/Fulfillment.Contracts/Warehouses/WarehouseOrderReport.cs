namespace Fulfillment.Contracts.Warehouses;

/// <summary>
/// What one order contributes to a warehouse's figures, as of the order's <see cref="Version"/>. The warehouse replaces
/// the order's previous contribution with this one.
/// <list type="bullet">
/// <item><c>Stage</c>: The order's stage, or null when the order is no longer at this warehouse (it moved to another).</item>
/// <item><c>OpenStall</c>: The open stall alert's kind (at most one is open at a time), else null.</item>
/// <item><c>StalledSince</c>: When that alert was raised.</item>
/// <item><c>Closed</c>: The order is final (delivered or cancelled): no report for it will follow.</item>
/// </list>
/// </summary>
public sealed record WarehouseOrderReport(
    string OrderId,
    long Version,
    string? Stage,
    double? PickToPackMinutes,
    string? OpenStall,
    DateTimeOffset? StalledSince,
    bool Closed);
