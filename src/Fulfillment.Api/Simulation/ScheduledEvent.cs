using System.Text.Json.Nodes;

namespace Fulfillment.Api.Simulation;

/// <summary>
/// A CloudEvent of the demo feed and when to send it. <see cref="SendAt"/> is its event time, except for events that
/// arrive late or out of order (and duplicates), which are sent after it with their original time.
/// </summary>
public sealed record ScheduledEvent(DateTimeOffset SendAt, int OrderIndex, Arrival Arrival, JsonObject CloudEvent);
