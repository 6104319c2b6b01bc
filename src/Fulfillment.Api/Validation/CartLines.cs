using Fulfillment.Contracts.Reservations;

namespace Fulfillment.Api.Validation;

/// <summary>
/// The rules of a cart's <c>lines</c>, shared by the cart check and reservations: 1 to <see cref="MaxLines"/> lines,
/// each a valid SKU and quantity, and each SKU once. A repeated SKU is refused rather than merged, so every answer line
/// is exactly one request line and a client that meant two lines learns it sent one SKU twice.
/// </summary>
internal static class CartLines
{
    public const int MaxLines = 100;
    public const string Field = "lines";

    /// <summary>The valid lines, in request order; null when any error was reported.</summary>
    public static IReadOnlyList<CartLine>? Validate(IReadOnlyList<CartLineRequest?>? lines, FieldErrors errors)
    {
        if (lines is null)
        {
            errors.Add(Field, "is required");
            return null;
        }

        if (lines.Count == 0)
        {
            errors.Add(Field, "must not be empty");
            return null;
        }

        if (lines.Count > MaxLines)
        {
            errors.Add(Field, $"must have at most {MaxLines} lines; this has {lines.Count}");
            return null;
        }

        var valid = new List<CartLine>(lines.Count);
        var firstIndexOfSku = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line)
            {
                errors.Add($"{Field}[{i}]", "must be an object with sku and quantity");
                ok = false;
                continue;
            }

            var skuOk = Identifier.Sku.CheckRequired(line.Sku, $"{Field}[{i}].sku", errors);
            var quantityOk = IntegerRange.Quantity.CheckRequired(line.Quantity, $"{Field}[{i}].quantity", errors);
            if (skuOk && !firstIndexOfSku.TryAdd(line.Sku!, i))
            {
                errors.Add($"{Field}[{i}].sku", $"repeats {Field}[{firstIndexOfSku[line.Sku!]}].sku; send each SKU once, with its total quantity");
                skuOk = false;
            }

            ok &= skuOk && quantityOk;
            if (skuOk && quantityOk)
            {
                valid.Add(new CartLine(line.Sku!, line.Quantity!.Value));
            }
        }

        return ok ? valid : null;
    }
}
