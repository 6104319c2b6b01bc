using Fulfillment.Grains.Configuration;

namespace Fulfillment.Grains.Sourcing;

/// <summary>Transit days from a warehouse to a destination region, case-insensitive, falling back to the default.</summary>
internal sealed class TransitTable
{
    private readonly Dictionary<string, Dictionary<string, int>> _days;
    private readonly int _defaultDays;

    public TransitTable(SourcingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _defaultDays = options.DefaultTransitDays;

        // Copied with case-insensitive keys: configuration binding creates rows with the default comparer.
        _days = new Dictionary<string, Dictionary<string, int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (region, row) in options.TransitDays)
        {
            _days[region] = new Dictionary<string, int>(row, StringComparer.OrdinalIgnoreCase);
        }
    }

    public int DaysTo(string? region, string warehouseId) =>
        region is not null && _days.TryGetValue(region, out var row) && row.TryGetValue(warehouseId, out var days)
            ? days
            : _defaultDays;
}
