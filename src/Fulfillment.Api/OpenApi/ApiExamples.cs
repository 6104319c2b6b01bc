namespace Fulfillment.Api.OpenApi;

/// <summary>Example bodies shown in Swagger, one per documented request and answer.</summary>
internal static class ApiExamples
{
    public const string SingleEvent = """
        {
          "specversion": "1.0",
          "id": "evt-7f3a",
          "source": "urn:wms:wh-east",
          "type": "fulfillment.order.stage",
          "subject": "o-1001",
          "time": "2026-11-23T14:05:00Z",
          "correlationid": "o-1001",
          "data": { "orderId": "o-1001", "stage": "packed", "warehouseId": "WH-EAST" }
        }
        """;

    public const string Batch = """
        [
          {
            "specversion": "1.0", "id": "ord-1001-created", "source": "urn:storefront:eu", "type": "fulfillment.order.created",
            "subject": "o-1001", "time": "2026-11-23T13:59:12Z",
            "data": { "orderId": "o-1001", "customerId": "c-9", "lines": [ { "sku": "SKU-1", "quantity": 2 } ],
                      "destinationRegion": "us-east", "promisedDeliveryAt": "2026-11-25T18:00:00Z", "reservationId": "r-123" }
          },
          {
            "specversion": "1.0", "id": "rcv-88", "source": "urn:wms:wh-east", "type": "fulfillment.inventory.received",
            "subject": "WH-EAST/SKU-1", "time": "2026-11-23T14:00:00Z",
            "data": { "warehouseId": "WH-EAST", "sku": "SKU-1", "quantity": 40 }
          }
        ]
        """;

    public const string Accepted = """{ "accepted": 2, "duplicates": 0 }""";

    public const string InvalidEvents = """
        {
          "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
          "title": "Invalid events",
          "status": 400,
          "detail": "2 of 500 events are invalid; no event was accepted.",
          "errors": {
            "[3].data.quantity": [ "must be an integer of 1 or more" ],
            "[17].time": [ "must be an RFC 3339 timestamp with an offset, such as 2026-11-25T14:30:00Z" ]
          }
        }
        """;

    public const string TooLarge = """
        { "title": "Request body too large", "status": 413, "detail": "The body is larger than 1048576 bytes; split the batch." }
        """;

    public const string UnsupportedMediaType = """
        { "title": "Unsupported media type", "status": 415, "detail": "Content-Type text/plain is not supported; send application/cloudevents+json, application/cloudevents-batch+json or application/json." }
        """;

    public const string Unauthorized = """
        { "title": "API key required", "status": 401, "detail": "This route needs an API key in the X-Api-Key header." }
        """;

    public const string Forbidden = """
        { "title": "Role required", "status": 403, "detail": "This route needs the role ops; the API key has ingest." }
        """;

    public const string Streams = """
        {
          "consumerGroup": "grains",
          "lagEvents": 12,
          "deadLetters": 1,
          "partitions": [
            { "partition": 0, "lastSequenceNumber": 5120, "delivered": 5108, "checkpointed": 5100, "inFlight": 12,
              "lagEvents": 12, "lagSeconds": 0.4, "checkpointAgeSeconds": 0.8 }
          ]
        }
        """;

    public const string DeadLetters = """
        {
          "total": 1,
          "items": [
            { "id": "grains:7:311:OrderGrain", "grainType": "OrderGrain", "partition": 7, "sequenceNumber": 311,
              "namespace": "orders", "key": "o-1001", "eventId": "15:urn:wms:wh-east:evt-7f3a",
              "errorType": "System.InvalidOperationException", "errorMessage": "stage packed before picked",
              "attempts": 5, "failedAt": "2026-11-23T14:05:02Z" }
          ]
        }
        """;

    public const string InvalidLimit = """
        { "title": "Invalid query", "status": 400, "errors": { "limit": [ "must be between 1 and 1000" ] } }
        """;

    public const string DeadLetterNotFound = """
        { "title": "Dead letter not found", "status": 404, "detail": "No dead letter has id 'grains:7:311:OrderGrain'." }
        """;

    public const string ReplayFailed = """
        {
          "title": "Replay failed", "status": 502,
          "detail": "Replaying dead letter 'grains:7:311:OrderGrain' failed again: System.InvalidOperationException: stage packed before picked",
          "errorType": "System.InvalidOperationException", "errorMessage": "stage packed before picked"
        }
        """;

    public const string Healthy = """
        { "status": "Healthy", "durationMilliseconds": 1.7, "checks": [
          { "name": "storage", "status": "Healthy", "description": "The stream log, checkpoints and dead letters answer." },
          { "name": "stream-agents", "status": "Healthy", "description": "32 of 32 partitions owned, each with a running stream agent." } ] }
        """;

    public const string NotReady = """
        { "title": "Not ready", "status": 503, "detail": "stream-agents: 0 stream agents run for 32 owned of 32 partitions.",
          "checks": [ { "name": "stream-agents", "status": "Unhealthy", "description": "0 stream agents run for 32 owned of 32 partitions." } ] }
        """;
}
