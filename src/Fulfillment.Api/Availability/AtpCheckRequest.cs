using System.ComponentModel.DataAnnotations;
using Fulfillment.Api.Validation;

namespace Fulfillment.Api.Availability;

/// <summary>A whole cart to check: its lines (each SKU once) and, optionally, the region it ships to.</summary>
public sealed record AtpCheckRequest([property: Required] IReadOnlyList<CartLineRequest?>? Lines, string? DestinationRegion);
