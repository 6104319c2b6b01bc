namespace Fulfillment.Grains.Reservations;

/// <summary>The rules every list of lines follows, in carts and orders alike: at least one, each naming a SKU, each for at least 1.</summary>
internal static class LineRules
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> (for <paramref name="parameter"/>) naming the first line that breaks a rule;
    /// <paramref name="owner"/> says what has the lines ("a reservation", "an order").
    /// </summary>
    public static void Validate<TLine>(IReadOnlyList<TLine>? lines, Func<TLine, string?> sku, Func<TLine, int> quantity, string owner, string parameter)
    {
        if (lines is null || lines.Count == 0)
        {
            throw new ArgumentException($"lines is empty; {owner} needs at least one line.", parameter);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line is null || string.IsNullOrWhiteSpace(sku(line)))
            {
                throw new ArgumentException($"lines[{i}].sku is empty; every line names a SKU.", parameter);
            }

            if (quantity(line) < 1)
            {
                throw new ArgumentException($"lines[{i}].quantity is {quantity(line)}; it must be at least 1.", parameter);
            }
        }
    }
}
