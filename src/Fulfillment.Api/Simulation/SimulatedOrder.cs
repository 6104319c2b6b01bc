namespace Fulfillment.Api.Simulation;

/// <summary>One order of the demo feed: its id, what it goes through, and its events in the order they are sent.</summary>
public sealed record SimulatedOrder(int Index, string OrderId, Situation Situation, string Carrier, IReadOnlyList<ScheduledEvent> Events);
