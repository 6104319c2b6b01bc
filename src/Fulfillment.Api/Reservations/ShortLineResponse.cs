namespace Fulfillment.Api.Reservations;

/// <summary>A line that could not be held: the quantity asked for and what the network had available.</summary>
public sealed record ShortLineResponse(string Sku, int Requested, int Available);
