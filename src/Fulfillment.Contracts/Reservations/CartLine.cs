namespace Fulfillment.Contracts.Reservations;

/// <summary>A SKU and a quantity, as storefronts send them.</summary>
public sealed record CartLine(string Sku, int Quantity);
