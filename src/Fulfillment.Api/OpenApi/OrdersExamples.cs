namespace Fulfillment.Api.OpenApi;

/// <summary>Example bodies shown in Swagger for orders, tracking, carriers, warehouses and alerts.</summary>
internal static class OrdersExamples
{
    public const string PlaceOrder = """
        {
          "orderId": "o-1001", "customerId": "c-9",
          "lines": [ { "sku": "SKU-1", "quantity": 2 } ],
          "destinationRegion": "us-east", "promisedDeliveryAt": "2026-11-25T18:00:00Z", "reservationId": "r-123"
        }
        """;

    public const string Placed = """
        {
          "orderId": "o-1001", "customerId": "c-9", "stage": "created", "warehouseId": null, "carrier": null,
          "trackingNumber": null, "promisedDeliveryAt": "2026-11-25T18:00:00Z", "slaStatus": "on_track",
          "pickToPackMinutes": null, "labelToScanMinutes": null, "updatedAt": "2026-11-23T13:59:12Z",
          "timeline": [ { "stage": "created", "at": "2026-11-23T13:59:12Z", "eventId": null } ]
        }
        """;

    public const string Order = """
        {
          "orderId": "o-1001", "customerId": "c-9", "stage": "labeled", "warehouseId": "WH-EAST", "carrier": "ups",
          "trackingNumber": "1Z999AA10123456784", "promisedDeliveryAt": "2026-11-25T18:00:00Z", "slaStatus": "on_track",
          "pickToPackMinutes": 12.5, "labelToScanMinutes": null, "updatedAt": "2026-11-23T14:31:02Z",
          "timeline": [
            { "stage": "created", "at": "2026-11-23T13:59:12Z", "eventId": "ord-1001-created" },
            { "stage": "payment_confirmed", "at": "2026-11-23T14:00:03Z", "eventId": "pay-1001" },
            { "stage": "allocated", "at": "2026-11-23T14:00:03Z", "eventId": null },
            { "stage": "picked", "at": "2026-11-23T14:10:00Z", "eventId": "evt-7f39" },
            { "stage": "packed", "at": "2026-11-23T14:22:30Z", "eventId": "evt-7f3a" },
            { "stage": "labeled", "at": "2026-11-23T14:31:00Z", "eventId": "evt-7f3b" }
          ]
        }
        """;

    public const string Tracking = """
        {
          "orderId": "o-1001", "stage": "in_transit", "warehouseId": "WH-EAST", "carrier": "ups",
          "trackingNumber": "1Z999AA10123456784", "promisedDeliveryAt": "2026-11-25T18:00:00Z", "slaStatus": "on_track",
          "pickToPackMinutes": 12.5, "labelToScanMinutes": 40, "updatedAt": "2026-11-23T16:02:11Z",
          "timeline": [
            { "stage": "created", "at": "2026-11-23T13:59:12Z", "eventId": "ord-1001-created" },
            { "stage": "labeled", "at": "2026-11-23T14:31:00Z", "eventId": "evt-7f3b" },
            { "stage": "carrier_scanned", "at": "2026-11-23T15:11:00Z", "eventId": "ups-scan-88" },
            { "stage": "in_transit", "at": "2026-11-23T16:02:00Z", "eventId": "ups-scan-91" }
          ]
        }
        """;

    public const string InvalidOrder = """
        {
          "title": "Invalid request", "status": 400, "detail": "2 fields are invalid; nothing was changed.",
          "errors": {
            "lines[0].quantity": [ "must be an integer from 1 to 1000000" ],
            "promisedDeliveryAt": [ "must be an RFC 3339 timestamp with an offset, such as 2026-11-25T14:30:00Z" ]
          }
        }
        """;

    public const string InvalidOrderId = """
        {
          "title": "Invalid request", "status": 400, "detail": "1 field is invalid; nothing was changed.",
          "errors": { "orderId": [ "may contain only letters, digits and . _ - :" ] }
        }
        """;

    public const string OrderNotFound = """
        { "title": "Order not found", "status": 404, "detail": "No order has id 'o-404'." }
        """;

    public const string TrackingNotFound = """
        { "title": "Tracking number not found", "status": 404, "detail": "No shipment has tracking number '1Z000'." }
        """;

    public const string InvalidTrackingNumber = """
        {
          "title": "Invalid request", "status": 400, "detail": "1 field is invalid; nothing was changed.",
          "errors": { "trackingNumber": [ "must be at most 64 characters" ] }
        }
        """;

    public const string Carriers = """
        [
          { "carrier": "fedex", "totalOrders": 120, "delivered": 80, "onTimeDeliveries": 76, "lateDeliveries": 4,
            "onTimeRatePct": 95, "avgPickToPackMinutes": 11.2, "avgLabelToScanMinutes": 38.75, "updatedAt": "2026-11-23T16:02:11Z" },
          { "carrier": "ups", "totalOrders": 95, "delivered": 60, "onTimeDeliveries": 51, "lateDeliveries": 9,
            "onTimeRatePct": 85, "avgPickToPackMinutes": 12.5, "avgLabelToScanMinutes": 41.1, "updatedAt": "2026-11-23T16:01:40Z" }
        ]
        """;

    public const string Carrier = """
        { "carrier": "ups", "totalOrders": 95, "delivered": 60, "onTimeDeliveries": 51, "lateDeliveries": 9,
          "onTimeRatePct": 85, "avgPickToPackMinutes": 12.5, "avgLabelToScanMinutes": 41.1, "updatedAt": "2026-11-23T16:01:40Z" }
        """;

    public const string CarrierNotFound = """
        { "title": "Carrier not found", "status": 404, "detail": "No order has had carrier 'pigeon'." }
        """;

    public const string InvalidCarrier = """
        {
          "title": "Invalid request", "status": 400, "detail": "1 field is invalid; nothing was changed.",
          "errors": { "carrier": [ "may contain only letters, digits and . _ - :" ] }
        }
        """;

    public const string Warehouse = """
        {
          "warehouseId": "WH-EAST",
          "backlog": [ { "stage": "allocated", "count": 14 }, { "stage": "picked", "count": 6 }, { "stage": "packed", "count": 3 } ],
          "pickToPackP50Minutes": 11.5, "pickToPackP90Minutes": 24, "pickToPackSamples": 412,
          "stuckOrders": [ { "orderId": "o-977", "kind": "pick_to_pack_stall", "since": "2026-11-23T15:40:00Z" } ],
          "updatedAt": "2026-11-23T16:02:11Z"
        }
        """;

    public const string UnknownWarehouse = """
        {
          "title": "Unknown warehouse", "status": 404, "detail": "No warehouse 'WH-MOON' is configured or named by an order.",
          "errors": { "warehouseId": [ "must be a configured warehouse (WH-CENTRAL, WH-EAST, WH-WEST) or one an order reported" ] }
        }
        """;

    public const string InvalidWarehouseId = """
        {
          "title": "Invalid request", "status": 400, "detail": "1 field is invalid; nothing was changed.",
          "errors": { "warehouseId": [ "may contain only letters, digits and . _ - :" ] }
        }
        """;

    public const string OrderList = """
        {
          "items": [
            { "orderId": "o-1001", "customerId": "c-9", "stage": "picked", "warehouseId": "WH-EAST", "carrier": null,
              "trackingNumber": null, "promisedDeliveryAt": "2026-11-25T18:00:00Z", "slaStatus": "at_risk",
              "pickToPackMinutes": null, "labelToScanMinutes": null, "updatedAt": "2026-11-25T14:00:00Z" }
          ]
        }
        """;

    public const string InvalidOrderFilter = """
        {
          "title": "Invalid request", "status": 400, "detail": "2 fields are invalid; nothing was changed.",
          "errors": {
            "stage": [ "must be one of created, payment_confirmed, allocated, picked, packed, labeled, carrier_scanned, in_transit, out_for_delivery, delivered, failed, cancelled" ],
            "limit": [ "must be an integer from 1 to 500" ]
          }
        }
        """;

    public const string AlertList = """
        {
          "items": [
            { "alertId": "o-977:pick_to_pack_stall", "orderId": "o-977", "kind": "pick_to_pack_stall",
              "raisedAt": "2026-11-23T15:40:00Z", "status": "open", "resolvedAt": null, "dueAt": "2026-11-23T15:40:00Z",
              "warehouseId": "WH-EAST", "carrier": null }
          ]
        }
        """;

    public const string InvalidAlertFilter = """
        {
          "title": "Invalid request", "status": 400, "detail": "1 field is invalid; nothing was changed.",
          "errors": { "status": [ "must be one of open, resolved" ] }
        }
        """;

    public const string AlertStream = """
        : connected

        id: 41
        data: {"alertId":"o-977:pick_to_pack_stall","orderId":"o-977","kind":"pick_to_pack_stall","raisedAt":"2026-11-23T15:40:00Z","status":"open","resolvedAt":null,"dueAt":"2026-11-23T15:40:00Z","warehouseId":"WH-EAST","carrier":null}

        : heartbeat

        id: 42
        data: {"alertId":"o-977:pick_to_pack_stall","orderId":"o-977","kind":"pick_to_pack_stall","raisedAt":"2026-11-23T15:40:00Z","status":"resolved","resolvedAt":"2026-11-23T15:52:10Z","dueAt":"2026-11-23T15:40:00Z","warehouseId":"WH-EAST","carrier":null}

        """;
}
