using Fulfillment.Contracts.Inventory;
using Fulfillment.Grains.Inventory;
using Grains.Hosting;

namespace Fulfillment.Grains.Hosting;

public static class FulfillmentSiloBuilderExtensions
{
    /// <summary>
    /// Registers the fulfillment grains (inventory, availability, reservations, orders, tracking, carriers, warehouses)
    /// and their interfaces with the silo.
    /// Their services come from <see cref="FulfillmentServiceCollectionExtensions.AddFulfillmentDomain"/>.
    /// </summary>
    public static ISiloBuilder AddFulfillmentGrains(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddGrainAssemblyContaining<IInventoryGrain>()
            .AddGrainAssemblyContaining<InventoryGrain>();
    }
}
