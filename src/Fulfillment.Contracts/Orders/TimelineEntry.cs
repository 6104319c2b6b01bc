namespace Fulfillment.Contracts.Orders;

/// <summary>
/// One step of an order's timeline: a stage and when it happened (event time). <see cref="EventId"/> is the log's id of
/// the event that reported it, or null for steps the service took itself (a direct create, the allocation).
/// </summary>
public sealed record TimelineEntry(string Stage, DateTimeOffset At, string? EventId);
