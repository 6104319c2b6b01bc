using Microsoft.Extensions.Options;

namespace Fulfillment.Grains.Configuration;

/// <summary>
/// Fills in the default network when configuration names no warehouse. Done after binding rather than as a property
/// initializer, because binding a list appends to the items already in it.
/// </summary>
internal sealed class DefaultWarehouses : IPostConfigureOptions<FulfillmentOptions>
{
    public void PostConfigure(string? name, FulfillmentOptions options)
    {
        if (options.Warehouses.Count == 0)
        {
            options.Warehouses.AddRange(DefaultNetwork.Warehouses.Select(w => new WarehouseOptions { Id = w.Id, Region = w.Region }));
        }
    }
}
