namespace Fulfillment.ReadModels.PostgreSql;

/// <summary>The statements of the PostgreSQL read-model store; the schema is the connection's search path.</summary>
internal static class ReadModelSql
{
    /// <summary>Drops marks of the writer ($1) for the order ids ($2).</summary>
    public const string Unmark = "DELETE FROM rm_marked_orders WHERE writer_id = $1 AND order_id = ANY($2);";

    /// <summary>Marks the order ids ($2) for the writer ($1); an order marked already stays marked once.</summary>
    public const string Mark = """
        INSERT INTO rm_marked_orders (writer_id, order_id)
        SELECT $1, m.order_id FROM unnest($2::text[]) AS m(order_id)
        ON CONFLICT DO NOTHING;
        """;

    /// <summary>
    /// Upserts the orders given as column arrays, sorted by id (so concurrent writers lock rows in one order): a row is
    /// replaced only by a higher version, which PostgreSQL checks against the latest committed row under its lock.
    /// </summary>
    public const string UpsertOrders = """
        INSERT INTO rm_orders (order_id, version, customer_id, stage, warehouse_id, carrier, tracking_number,
                               promised_delivery_at, sla_status, pick_to_pack_minutes, label_to_scan_minutes, updated_at)
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                             $8::bigint[], $9::text[], $10::double precision[], $11::double precision[], $12::bigint[])
        ON CONFLICT (order_id) DO UPDATE SET
            version = excluded.version, customer_id = excluded.customer_id, stage = excluded.stage,
            warehouse_id = excluded.warehouse_id, carrier = excluded.carrier, tracking_number = excluded.tracking_number,
            promised_delivery_at = excluded.promised_delivery_at, sla_status = excluded.sla_status,
            pick_to_pack_minutes = excluded.pick_to_pack_minutes, label_to_scan_minutes = excluded.label_to_scan_minutes,
            updated_at = excluded.updated_at
        WHERE excluded.version > rm_orders.version;
        """;

    /// <summary>
    /// Locks the feed row until the transaction ends. A statement of its own, before <see cref="UpsertAlerts"/>: that
    /// statement then starts after the lock is held, so its snapshot sees every alert change committed before.
    /// </summary>
    public const string LockFeed = "SELECT last_sequence FROM rm_alert_feed WHERE id = 1 FOR UPDATE;";

    /// <summary>
    /// Upserts the alerts given as column arrays (in batch order) whose version is higher than the stored one, numbers
    /// them after the feed's last sequence in batch order, moves the feed on by as many, and returns each changed id
    /// with its number, notifying channel $11 for each (PostgreSQL sends one notification per transaction, at commit;
    /// none when nothing changed). Run with the feed row locked (<see cref="LockFeed"/>): no other transaction changes
    /// alerts until this one ends, so the comparison with stored versions holds and numbers commit in order.
    /// </summary>
    public const string UpsertAlerts = """
        WITH input AS (
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[],
                                 $8::bigint[], $9::text[], $10::text[])
                WITH ORDINALITY AS i(alert_id, version, order_id, kind, status, raised_at, resolved_at, due_at, warehouse_id, carrier, position)
        ),
        changed AS (
            SELECT i.*, row_number() OVER (ORDER BY i.position) AS rank
            FROM input i LEFT JOIN rm_alerts a ON a.alert_id = i.alert_id
            WHERE a.alert_id IS NULL OR i.version > a.version
        ),
        feed AS (
            SELECT last_sequence FROM rm_alert_feed WHERE id = 1
        ),
        upserted AS (
            INSERT INTO rm_alerts (alert_id, version, order_id, kind, status, raised_at, resolved_at, due_at, warehouse_id, carrier, feed_sequence)
            SELECT c.alert_id, c.version, c.order_id, c.kind, c.status, c.raised_at, c.resolved_at, c.due_at, c.warehouse_id, c.carrier,
                   f.last_sequence + c.rank
            FROM changed c CROSS JOIN feed f
            ON CONFLICT (alert_id) DO UPDATE SET
                version = excluded.version, status = excluded.status, raised_at = excluded.raised_at,
                resolved_at = excluded.resolved_at, due_at = excluded.due_at, warehouse_id = excluded.warehouse_id,
                carrier = excluded.carrier, feed_sequence = excluded.feed_sequence
            WHERE excluded.version > rm_alerts.version
            RETURNING alert_id, feed_sequence
        ),
        moved AS (
            UPDATE rm_alert_feed SET last_sequence = last_sequence + (SELECT count(*) FROM changed)
            WHERE id = 1 AND EXISTS (SELECT 1 FROM changed)
        )
        SELECT alert_id, feed_sequence, pg_notify($11, '') FROM upserted ORDER BY feed_sequence;
        """;

    /// <summary>The first column of <see cref="UpsertAlerts"/>' rows, which tells them from the other statements' rows.</summary>
    public const string ChangedAlertColumn = "alert_id";

    public const string LastFeedSequence = "SELECT last_sequence FROM rm_alert_feed WHERE id = 1;";

    /// <summary>Orders matching every filter given ($1 stage, $2 SLA status, $3 warehouse, $4 carrier; NULL: any), at most $5.</summary>
    public const string ListOrders = ReadModelRowReader.OrderSelect + """

        WHERE ($1::text IS NULL OR stage = $1) AND ($2::text IS NULL OR sla_status = $2)
          AND ($3::text IS NULL OR warehouse_id = $3) AND ($4::text IS NULL OR carrier = $4)
        ORDER BY updated_at DESC, order_id
        LIMIT $5;
        """;

    /// <summary>Alerts of a status ($1; NULL: any), at most $2.</summary>
    public const string ListAlerts = ReadModelRowReader.AlertSelect + """

        WHERE ($1::text IS NULL OR status = $1)
        ORDER BY raised_at DESC, alert_id
        LIMIT $2;
        """;

    /// <summary>Alerts whose last change has a feed sequence above $1, in feed order, at most $2.</summary>
    public const string AlertsAfter = ReadModelRowReader.AlertSelect + """

        WHERE feed_sequence > $1
        ORDER BY feed_sequence
        LIMIT $2;
        """;

    public const string MarkedOrders = "SELECT order_id FROM rm_marked_orders WHERE writer_id = $1 ORDER BY order_id;";
}
