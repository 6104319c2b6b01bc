namespace Fulfillment.ReadModels.Contracts;

/// <summary>Orders, alerts and batches for the contract tests: every field set to a value that round-trips only when stored exactly.</summary>
public static class ReadModelRows
{
    /// <summary>A fixed instant with sub-millisecond ticks and a non-UTC offset, to catch lossy or local time storage.</summary>
    public static readonly DateTimeOffset BaseTime = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234);

    public static OrderRow Order(
        string orderId,
        long version = 1,
        string stage = "created",
        string slaStatus = "on_track",
        string? warehouseId = "WH-EAST",
        string? carrier = null,
        int updatedMinute = 0,
        string? trackingNumber = null,
        double? pickToPackMinutes = null,
        double? labelToScanMinutes = null) => new(
        orderId,
        $"customer-{orderId}",
        stage,
        warehouseId,
        carrier,
        trackingNumber,
        BaseTime.AddDays(2),
        slaStatus,
        pickToPackMinutes,
        labelToScanMinutes,
        BaseTime.AddMinutes(updatedMinute),
        version);

    public static AlertRow Alert(
        string orderId,
        string kind = "pick_to_pack_stall",
        long version = 1,
        string status = "open",
        int raisedMinute = 0,
        string? warehouseId = "WH-EAST",
        string? carrier = null) => new(
        $"{orderId}:{kind}",
        orderId,
        kind,
        status,
        BaseTime.AddMinutes(raisedMinute),
        status == "resolved" ? BaseTime.AddMinutes(raisedMinute + 5).AddTicks(7) : null,
        BaseTime.AddMinutes(raisedMinute - 1),
        warehouseId,
        carrier,
        version);

    public static ProjectionBatch Batch(
        IReadOnlyList<OrderRow>? orders = null,
        IReadOnlyList<AlertRow>? alerts = null,
        IReadOnlyCollection<string>? mark = null,
        IReadOnlyCollection<string>? unmark = null) => new(orders ?? [], alerts ?? [], mark ?? [], unmark ?? []);

    /// <summary>The rows' ids, space-separated, in the order given: what a list assertion compares.</summary>
    public static string Ids(IEnumerable<OrderRow> orders) => string.Join(' ', orders.Select(o => o.OrderId));

    public static string Ids(IEnumerable<AlertRow> alerts) => string.Join(' ', alerts.Select(a => a.AlertId));

    /// <summary>Alert ids with their feed sequences (<c>id#sequence</c>), space-separated.</summary>
    public static string Sequenced(IEnumerable<AlertRow> alerts) => string.Join(' ', alerts.Select(a => $"{a.AlertId}#{a.FeedSequence}"));
}
