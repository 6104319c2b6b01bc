using Fulfillment.Grains.Configuration;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Inventory;

/// <summary>The warehouses the domain is configured with (<c>Fulfillment:Warehouses</c>): the only ones stock can be set in.</summary>
internal sealed class KnownWarehouses
{
    private readonly HashSet<string> _ids;

    public KnownWarehouses(IOptions<FulfillmentOptions> options)
    {
        _ids = new HashSet<string>(options.Value.Warehouses.Select(w => w.Id), StringComparer.Ordinal);
        Ids = [.. _ids.Order(StringComparer.Ordinal)];
    }

    /// <summary>The configured warehouse ids, ordered.</summary>
    public IReadOnlyList<string> Ids { get; }

    public bool Contains(string warehouseId) => _ids.Contains(warehouseId);
}
