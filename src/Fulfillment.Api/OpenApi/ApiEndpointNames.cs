namespace Fulfillment.Api.OpenApi;

/// <summary>Endpoint names (OpenAPI operation ids); examples and tests refer to routes by them.</summary>
public static class ApiEndpointNames
{
    public const string IngestEvents = "IngestEvents";
    public const string EventsWebHookHandshake = "EventsWebHookHandshake";
    public const string GetStreams = "GetStreams";
    public const string ListDeadLetters = "ListDeadLetters";
    public const string ReplayDeadLetter = "ReplayDeadLetter";
    public const string GetAtp = "GetAtp";
    public const string CheckCart = "CheckCart";
    public const string PlaceReservation = "PlaceReservation";
    public const string ConfirmReservation = "ConfirmReservation";
    public const string ReleaseReservation = "ReleaseReservation";
    public const string GetReservation = "GetReservation";
    public const string SetInventory = "SetInventory";
    public const string PlaceOrder = "PlaceOrder";
    public const string GetOrder = "GetOrder";
    public const string ListOrders = "ListOrders";
    public const string GetTracking = "GetTracking";
    public const string ListCarriers = "ListCarriers";
    public const string GetCarrier = "GetCarrier";
    public const string GetWarehouse = "GetWarehouse";
    public const string ListAlerts = "ListAlerts";
    public const string StreamAlerts = "StreamAlerts";
}
