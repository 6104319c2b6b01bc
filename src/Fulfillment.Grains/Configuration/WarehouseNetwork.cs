using Microsoft.Extensions.Options;

namespace Fulfillment.Grains.Configuration;

/// <summary>The configured warehouses, for the grains: which exist, in which order views list them.</summary>
internal sealed class WarehouseNetwork
{
    private readonly HashSet<string> _ids;

    public WarehouseNetwork(IOptions<FulfillmentOptions> options)
    {
        Ids = [.. options.Value.Warehouses.Select(w => w.Id)];
        _ids = new HashSet<string>(Ids, StringComparer.Ordinal);
    }

    /// <summary>Warehouse ids in configuration order.</summary>
    public IReadOnlyList<string> Ids { get; }

    public bool Contains(string warehouseId) => _ids.Contains(warehouseId);
}
