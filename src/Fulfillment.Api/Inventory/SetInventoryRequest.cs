using System.ComponentModel.DataAnnotations;

namespace Fulfillment.Api.Inventory;

/// <summary>Stock levels set by operations: on hand and safety stock, and inbound supply when known (absent leaves it as it is).</summary>
public sealed record SetInventoryRequest([property: Required] int? OnHand, [property: Required] int? SafetyStock, int? Inbound);
