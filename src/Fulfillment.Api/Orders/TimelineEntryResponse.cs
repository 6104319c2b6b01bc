namespace Fulfillment.Api.Orders;

/// <summary>One step of an order's timeline: the stage, its event time, and the CloudEvent id of the event that reported it (null for the service's own steps).</summary>
public sealed record TimelineEntryResponse(string Stage, DateTimeOffset At, string? EventId);
