namespace Fulfillment.ReadModels.Sqlite;

/// <summary>
/// The tables of the read models. Instants are stored as UTC ticks (integers sort and compare exactly); each list
/// filter has an index leading with its column and ending with the list order, so a filtered list reads only its rows.
/// </summary>
internal static class SqliteReadModelSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS rm_orders (
            order_id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            customer_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            warehouse_id TEXT NULL,
            carrier TEXT NULL,
            tracking_number TEXT NULL,
            promised_delivery_at INTEGER NOT NULL,
            sla_status TEXT NOT NULL,
            pick_to_pack_minutes REAL NULL,
            label_to_scan_minutes REAL NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_rm_orders_updated ON rm_orders (updated_at DESC, order_id);
        CREATE INDEX IF NOT EXISTS ix_rm_orders_stage ON rm_orders (stage, updated_at DESC, order_id);
        CREATE INDEX IF NOT EXISTS ix_rm_orders_sla ON rm_orders (sla_status, updated_at DESC, order_id);
        CREATE INDEX IF NOT EXISTS ix_rm_orders_warehouse ON rm_orders (warehouse_id, updated_at DESC, order_id);
        CREATE INDEX IF NOT EXISTS ix_rm_orders_carrier ON rm_orders (carrier, updated_at DESC, order_id);

        CREATE TABLE IF NOT EXISTS rm_alerts (
            alert_id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            order_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            raised_at INTEGER NOT NULL,
            resolved_at INTEGER NULL,
            due_at INTEGER NOT NULL,
            warehouse_id TEXT NULL,
            carrier TEXT NULL,
            feed_sequence INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_rm_alerts_raised ON rm_alerts (raised_at DESC, alert_id);
        CREATE INDEX IF NOT EXISTS ix_rm_alerts_status ON rm_alerts (status, raised_at DESC, alert_id);
        CREATE UNIQUE INDEX IF NOT EXISTS ix_rm_alerts_feed ON rm_alerts (feed_sequence);

        CREATE TABLE IF NOT EXISTS rm_marked_orders (order_id TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
        """;

    /// <summary>Inserts the order, or replaces the stored one only when this version is higher.</summary>
    public const string UpsertOrder = """
        INSERT INTO rm_orders (order_id, version, customer_id, stage, warehouse_id, carrier, tracking_number,
                               promised_delivery_at, sla_status, pick_to_pack_minutes, label_to_scan_minutes, updated_at)
        VALUES ($id, $version, $customer, $stage, $warehouse, $carrier, $tracking, $promise, $sla, $pickToPack, $labelToScan, $updated)
        ON CONFLICT (order_id) DO UPDATE SET
            version = excluded.version, customer_id = excluded.customer_id, stage = excluded.stage,
            warehouse_id = excluded.warehouse_id, carrier = excluded.carrier, tracking_number = excluded.tracking_number,
            promised_delivery_at = excluded.promised_delivery_at, sla_status = excluded.sla_status,
            pick_to_pack_minutes = excluded.pick_to_pack_minutes, label_to_scan_minutes = excluded.label_to_scan_minutes,
            updated_at = excluded.updated_at
        WHERE excluded.version > rm_orders.version;
        """;

    /// <summary>Inserts the alert, or replaces the stored one only when this version is higher; either way with a new feed sequence.</summary>
    public const string UpsertAlert = """
        INSERT INTO rm_alerts (alert_id, version, order_id, kind, status, raised_at, resolved_at, due_at, warehouse_id, carrier, feed_sequence)
        VALUES ($id, $version, $order, $kind, $status, $raised, $resolved, $due, $warehouse, $carrier, $sequence)
        ON CONFLICT (alert_id) DO UPDATE SET
            version = excluded.version, status = excluded.status, raised_at = excluded.raised_at,
            resolved_at = excluded.resolved_at, due_at = excluded.due_at, warehouse_id = excluded.warehouse_id,
            carrier = excluded.carrier, feed_sequence = excluded.feed_sequence
        WHERE excluded.version > rm_alerts.version;
        """;

    public const string Mark = "INSERT OR IGNORE INTO rm_marked_orders (order_id) VALUES ($id);";

    public const string Unmark = "DELETE FROM rm_marked_orders WHERE order_id = $id;";

    public const string MarkedOrders = "SELECT order_id FROM rm_marked_orders ORDER BY order_id;";

    public const string LastFeedSequence = "SELECT COALESCE(MAX(feed_sequence), 0) FROM rm_alerts;";
}
