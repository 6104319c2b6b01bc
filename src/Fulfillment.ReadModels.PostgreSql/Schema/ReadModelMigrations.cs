using Grains.PostgreSql;

namespace Fulfillment.ReadModels.PostgreSql;

/// <summary>
/// The read-model tables as ordered steps, recorded in <see cref="VersionTable"/> apart from the grain providers'
/// steps, so both sets can live in one schema. To change the tables, append a step; never edit one that shipped.
/// </summary>
/// <remarks>
/// Instants are UTC ticks (bigint), as in the grain tables. Ids and the columns lists filter on compare byte-wise
/// (<c>COLLATE "C"</c>), so lists come out in ordinal order whatever the database's locale, as they do on SQLite.
/// <c>rm_alert_feed</c> is the one row every transaction that changes alerts locks before it numbers them, which is
/// what makes feed sequences commit in order across processes. Marks are kept per writer (<c>rm_writers</c>, one row
/// per running store, held alive by a session advisory lock on its id), so one process never drops another's marks.
/// </remarks>
internal static class ReadModelMigrations
{
    public const string VersionTable = "rm_schema_version";

    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "read_models", """
            CREATE TABLE rm_orders (
                order_id text COLLATE "C" NOT NULL PRIMARY KEY,
                version bigint NOT NULL,
                customer_id text NOT NULL,
                stage text COLLATE "C" NOT NULL,
                warehouse_id text COLLATE "C" NULL,
                carrier text COLLATE "C" NULL,
                tracking_number text NULL,
                promised_delivery_at bigint NOT NULL,
                sla_status text COLLATE "C" NOT NULL,
                pick_to_pack_minutes double precision NULL,
                label_to_scan_minutes double precision NULL,
                updated_at bigint NOT NULL
            );
            CREATE INDEX rm_orders_updated ON rm_orders (updated_at DESC, order_id);
            CREATE INDEX rm_orders_stage ON rm_orders (stage, updated_at DESC, order_id);
            CREATE INDEX rm_orders_sla ON rm_orders (sla_status, updated_at DESC, order_id);
            CREATE INDEX rm_orders_warehouse ON rm_orders (warehouse_id, updated_at DESC, order_id);
            CREATE INDEX rm_orders_carrier ON rm_orders (carrier, updated_at DESC, order_id);

            CREATE TABLE rm_alerts (
                alert_id text COLLATE "C" NOT NULL PRIMARY KEY,
                version bigint NOT NULL,
                order_id text NOT NULL,
                kind text NOT NULL,
                status text COLLATE "C" NOT NULL,
                raised_at bigint NOT NULL,
                resolved_at bigint NULL,
                due_at bigint NOT NULL,
                warehouse_id text NULL,
                carrier text NULL,
                feed_sequence bigint NOT NULL
            );
            CREATE INDEX rm_alerts_raised ON rm_alerts (raised_at DESC, alert_id);
            CREATE INDEX rm_alerts_status ON rm_alerts (status, raised_at DESC, alert_id);
            CREATE UNIQUE INDEX rm_alerts_feed ON rm_alerts (feed_sequence);

            CREATE TABLE rm_alert_feed (
                id smallint PRIMARY KEY CHECK (id = 1),
                last_sequence bigint NOT NULL
            );
            INSERT INTO rm_alert_feed (id, last_sequence) VALUES (1, 0);

            CREATE TABLE rm_writers (
                writer_id bigint PRIMARY KEY,
                started_at bigint NOT NULL
            );
            CREATE TABLE rm_marked_orders (
                writer_id bigint NOT NULL,
                order_id text COLLATE "C" NOT NULL,
                PRIMARY KEY (writer_id, order_id)
            );
            """),
    ];
}
