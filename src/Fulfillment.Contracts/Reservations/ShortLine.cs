namespace Fulfillment.Contracts.Reservations;

/// <summary>A line that could not be held: what was asked and what the network had.</summary>
public sealed record ShortLine(string Sku, int Requested, int Available);
