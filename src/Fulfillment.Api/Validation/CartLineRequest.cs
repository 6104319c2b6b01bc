using System.ComponentModel.DataAnnotations;

namespace Fulfillment.Api.Validation;

/// <summary>A cart line as a storefront sends it: a SKU and a quantity of 1 or more.</summary>
public sealed record CartLineRequest([property: Required] string? Sku, [property: Required] int? Quantity);
