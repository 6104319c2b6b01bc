using System.Data.Common;

namespace Fulfillment.ReadModels;

/// <summary>
/// Turns a row of a store's order or alert query into its record, whatever the engine. Every store names the tables
/// and columns alike and keeps instants as UTC ticks, so its queries start with <see cref="OrderSelect"/> or
/// <see cref="AlertSelect"/> (then its own filter, order and limit); instants come back in UTC.
/// </summary>
public static class ReadModelRowReader
{
    /// <summary>The columns <see cref="Order"/> reads, in its order, from <c>rm_orders</c>.</summary>
    public const string OrderSelect = """
        SELECT order_id, customer_id, stage, warehouse_id, carrier, tracking_number, promised_delivery_at, sla_status,
               pick_to_pack_minutes, label_to_scan_minutes, updated_at, version
        FROM rm_orders
        """;

    /// <summary>The columns <see cref="Alert"/> reads, in its order, from <c>rm_alerts</c>.</summary>
    public const string AlertSelect = """
        SELECT alert_id, order_id, kind, status, raised_at, resolved_at, due_at, warehouse_id, carrier, version, feed_sequence
        FROM rm_alerts
        """;

    /// <summary>A row of <see cref="OrderSelect"/>.</summary>
    public static OrderRow Order(DbDataReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            NullableString(r, 3),
            NullableString(r, 4),
            NullableString(r, 5),
            Instant(r.GetInt64(6)),
            r.GetString(7),
            r.IsDBNull(8) ? null : r.GetDouble(8),
            r.IsDBNull(9) ? null : r.GetDouble(9),
            Instant(r.GetInt64(10)),
            r.GetInt64(11));
    }

    /// <summary>A row of <see cref="AlertSelect"/>.</summary>
    public static AlertRow Alert(DbDataReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            r.GetString(3),
            Instant(r.GetInt64(4)),
            r.IsDBNull(5) ? null : Instant(r.GetInt64(5)),
            Instant(r.GetInt64(6)),
            NullableString(r, 7),
            NullableString(r, 8),
            r.GetInt64(9),
            r.GetInt64(10));
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
