using Fulfillment.Contracts.Reservations;

namespace Fulfillment.Grains.Reservations;

/// <summary>What a reservation asked for, one entry per SKU: kept so that a repeat of the same id can be told from a different cart.</summary>
internal sealed class RequestedLine
{
    public string Sku { get; set; } = string.Empty;

    public int Quantity { get; set; }

    /// <summary>The cart's lines with lines of one SKU added together, in order of first appearance.</summary>
    public static List<RequestedLine> Merge(IEnumerable<CartLine> lines)
    {
        var merged = new List<RequestedLine>();
        foreach (var line in lines)
        {
            var existing = merged.Find(m => string.Equals(m.Sku, line.Sku, StringComparison.Ordinal));
            if (existing is null)
            {
                merged.Add(new RequestedLine { Sku = line.Sku, Quantity = line.Quantity });
            }
            else
            {
                existing.Quantity += line.Quantity;
            }
        }

        return merged;
    }

    /// <summary>True when both ask for the same quantity of the same SKUs, whatever the order of the lines.</summary>
    public static bool Same(IReadOnlyCollection<RequestedLine> left, IReadOnlyCollection<RequestedLine> right) =>
        left.Count == right.Count
        && left.All(l => right.Any(r => string.Equals(r.Sku, l.Sku, StringComparison.Ordinal) && r.Quantity == l.Quantity));
}
