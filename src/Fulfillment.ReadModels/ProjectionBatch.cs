namespace Fulfillment.ReadModels;

/// <summary>
/// What one transaction of the projector writes: orders and alerts to upsert by version (each id once, its newest
/// version), the orders to mark as possibly having changes not yet projected, and the marks to drop.
/// </summary>
public sealed record ProjectionBatch(
    IReadOnlyList<OrderRow> Orders,
    IReadOnlyList<AlertRow> Alerts,
    IReadOnlyCollection<string> Mark,
    IReadOnlyCollection<string> Unmark);
