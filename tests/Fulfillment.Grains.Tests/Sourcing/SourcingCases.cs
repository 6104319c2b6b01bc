using System.Globalization;
using Fulfillment.Contracts.Availability;
using Fulfillment.Contracts.Inventory;
using Fulfillment.Contracts.Reservations;
using Fulfillment.Grains.Sourcing;

namespace Fulfillment.Grains.Tests.Sourcing;

/// <summary>
/// The compact notation of the sourcing table. Stock: <c>WH-EAST:A=5,B=3/1; WH-WEST:A=10</c> (on hand, optionally
/// <c>/safety stock</c>). Lines: <c>Ax2, Bx1</c>. Plan: one entry per line, <c>WH-EAST:2</c>, <c>WH-EAST:6+WH-CENTRAL:4</c>
/// for a split, <c>none</c> when the line cannot be promised, joined by <c> | </c>.
/// </summary>
public static class SourcingCases
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, SkuAvailability> Stock(string stock)
    {
        var rows = new List<InventoryRow>();
        foreach (var warehouse in stock.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (warehouseId, positions) = Split(warehouse, ':');
            foreach (var position in positions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var (sku, levels) = Split(position, '=');
                var parts = levels.Split('/');
                var onHand = int.Parse(parts[0], CultureInfo.InvariantCulture);
                var safety = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
                rows.Add(new InventoryRow(warehouseId, sku, onHand, 0, safety, 0, 1, Now));
            }
        }

        return rows.GroupBy(r => r.Sku).ToDictionary(g => g.Key, g => new SkuAvailability(g.Key, [.. g], Now));
    }

    public static List<CartLine> Lines(string lines) =>
    [
        .. lines.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => Split(l, 'x'))
            .Select(l => new CartLine(l.Left, int.Parse(l.Right, CultureInfo.InvariantCulture))),
    ];

    public static string Describe(SourcingPlan plan) => string.Join(" | ", plan.Lines.Select(Describe));

    private static string Describe(LinePlan line) =>
        line.CanPromise ? string.Join("+", line.ShipFrom.Select(s => $"{s.WarehouseId}:{s.Quantity}")) : "none";

    private static (string Left, string Right) Split(string text, char separator)
    {
        var at = text.LastIndexOf(separator);
        return (text[..at].Trim(), text[(at + 1)..].Trim());
    }
}
