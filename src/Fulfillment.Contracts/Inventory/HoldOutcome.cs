namespace Fulfillment.Contracts.Inventory;

/// <summary>Whether the hold was taken, and what is available after it (or was, when refused).</summary>
public sealed record HoldOutcome(bool Held, int Available);
