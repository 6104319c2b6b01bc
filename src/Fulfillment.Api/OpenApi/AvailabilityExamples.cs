namespace Fulfillment.Api.OpenApi;

/// <summary>Example bodies shown in Swagger for available-to-promise, reservations and inventory.</summary>
internal static class AvailabilityExamples
{
    public const string Atp = """
        {
          "sku": "SKU-1", "available": 42, "canPromise": true, "asOf": "2026-11-23T14:05:00Z",
          "warehouses": [
            { "warehouseId": "WH-EAST", "onHand": 50, "reserved": 5, "safetyStock": 3, "available": 42, "inbound": 10 }
          ]
        }
        """;

    public const string InvalidAtpQuery = """
        {
          "title": "Invalid request", "status": 400, "detail": "1 field is invalid; nothing was changed.",
          "errors": { "quantity": [ "must be an integer from 1 to 1000000" ] }
        }
        """;

    public const string CartCheck = """
        {
          "lines": [ { "sku": "SKU-1", "quantity": 2 }, { "sku": "SKU-2", "quantity": 1 } ],
          "destinationRegion": "us-east"
        }
        """;

    public const string CartChecked = """
        {
          "canPromiseAll": true,
          "lines": [
            { "sku": "SKU-1", "quantity": 2, "available": 42, "canPromise": true,
              "shipFrom": [ { "warehouseId": "WH-EAST", "quantity": 2 } ], "promisedDeliveryDate": "2026-11-25" },
            { "sku": "SKU-2", "quantity": 1, "available": 7, "canPromise": true,
              "shipFrom": [ { "warehouseId": "WH-EAST", "quantity": 1 } ], "promisedDeliveryDate": "2026-11-25" }
          ]
        }
        """;

    public const string InvalidCart = """
        {
          "title": "Invalid request", "status": 400, "detail": "2 fields are invalid; nothing was changed.",
          "errors": {
            "lines[1].sku": [ "repeats lines[0].sku; send each SKU once, with its total quantity" ],
            "lines[2].quantity": [ "must be an integer from 1 to 1000000" ]
          }
        }
        """;

    public const string PlaceReservation = """
        {
          "reservationId": "r-123",
          "lines": [ { "sku": "SKU-1", "quantity": 2 } ],
          "ttlSeconds": 900,
          "destinationRegion": "us-east"
        }
        """;

    public const string Held = """
        {
          "reservationId": "r-123", "status": "held", "expiresAt": "2026-11-23T14:20:00Z",
          "lines": [ { "sku": "SKU-1", "quantity": 2, "warehouseId": "WH-EAST" } ]
        }
        """;

    public const string InvalidReservation = """
        {
          "title": "Invalid request", "status": 400, "detail": "2 fields are invalid; nothing was changed.",
          "errors": {
            "ttlSeconds": [ "must be an integer from 30 to 14400" ],
            "lines[2].quantity": [ "must be an integer from 1 to 1000000" ]
          }
        }
        """;

    public const string Short = """
        {
          "title": "Insufficient stock", "status": 409, "detail": "1 of 2 lines cannot be held; nothing is held.",
          "shortLines": [ { "sku": "SKU-2", "requested": 5, "available": 3 } ]
        }
        """;

    public const string ConfirmReservation = """{ "orderId": "o-1" }""";

    public const string Confirmed = """
        {
          "reservationId": "r-123", "status": "confirmed",
          "lines": [ { "sku": "SKU-1", "quantity": 2, "warehouseId": "WH-EAST" } ],
          "orderId": "o-1"
        }
        """;

    public const string Expired = """
        {
          "title": "Reservation expired", "status": 409,
          "detail": "Reservation 'r-123' expired at 2026-11-23T14:20:00Z; its stock was returned."
        }
        """;

    public const string ReservationNotFound = """
        { "title": "Reservation not found", "status": 404, "detail": "No reservation has id 'r-123'." }
        """;

    public const string ReservationConflict = """
        { "title": "Reservation conflict", "status": 409, "detail": "The operation does not apply to reservation 'r-123' in its state." }
        """;

    public const string InvalidReservationId = """
        {
          "title": "Invalid request", "status": 400, "detail": "1 field is invalid; nothing was changed.",
          "errors": { "id": [ "may contain only letters, digits and . _ - :" ] }
        }
        """;

    public const string InvalidConfirmation = """
        {
          "title": "Invalid request", "status": 400, "detail": "1 field is invalid; nothing was changed.",
          "errors": { "orderId": [ "is required" ] }
        }
        """;

    public const string SetInventory = """{ "onHand": 50, "safetyStock": 3, "inbound": 10 }""";

    public const string InventoryRow = """
        { "warehouseId": "WH-EAST", "sku": "SKU-1", "onHand": 50, "reserved": 5, "safetyStock": 3, "available": 42, "inbound": 10 }
        """;

    public const string InvalidInventory = """
        {
          "title": "Invalid request", "status": 400, "detail": "2 fields are invalid; nothing was changed.",
          "errors": { "onHand": [ "must be an integer from 0 to 100000000" ], "safetyStock": [ "is required" ] }
        }
        """;

    public const string UnknownWarehouse = """
        {
          "title": "Unknown warehouse", "status": 404, "detail": "No warehouse 'WH-NORTH' is configured; nothing was changed.",
          "errors": { "warehouseId": [ "must be one of the configured warehouses: WH-EAST, WH-WEST" ] }
        }
        """;

    public const string UnsupportedMediaType = """
        { "title": "Unsupported media type", "status": 415, "detail": "Content-Type text/plain is not supported; send the body as application/json." }
        """;

    public const string TooManyRequests = """
        {
          "title": "Too many requests", "status": 429,
          "detail": "The storefront limit of 100 requests per 1 s for this API key is spent; retry after 1 s."
        }
        """;
}
