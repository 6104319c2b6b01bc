using Fulfillment.Grains.Changes;
using Fulfillment.Grains.Configuration;
using Fulfillment.Grains.Demo;
using Fulfillment.Grains.Diagnostics;
using Fulfillment.Grains.Sourcing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Fulfillment.Grains.Hosting;

public static class FulfillmentServiceCollectionExtensions
{
    /// <summary>
    /// The services the fulfillment grains need: options bound from the <c>Fulfillment</c>, <c>Sourcing</c>,
    /// <c>Sla</c> and <c>Demo</c> sections and validated at start, the <see cref="SourcingPlanner"/> (a singleton, for
    /// the gateway's cart check too), the <c>Fulfillment.Inventory</c> and <c>Fulfillment.Orders</c> meters, the order
    /// change sink (a <see cref="NullOrderChangeSink"/> unless an <see cref="IOrderChangeSink"/> is registered — before
    /// or after this call), and the demo catalogue seeder (idle unless <c>Demo:SeedCatalog</c> is true). Pair it with
    /// <see cref="FulfillmentSiloBuilderExtensions.AddFulfillmentGrains"/>; the <see cref="TimeProvider"/> and the meter
    /// factory come from the grain runtime.
    /// </summary>
    public static IServiceCollection AddFulfillmentDomain(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<FulfillmentOptions>().Bind(configuration.GetSection(FulfillmentOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SourcingOptions>().Bind(configuration.GetSection(SourcingOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.SectionName)).ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<FulfillmentOptions>, DefaultWarehouses>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FulfillmentOptions>, FulfillmentOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SourcingOptions>, SourcingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WarehouseNetwork>();
        services.TryAddSingleton<InventoryMetrics>();
        services.TryAddSingleton<OrderMetrics>();
        services.TryAddSingleton<IOrderChangeSink, NullOrderChangeSink>();
        services.TryAddSingleton(sp => new SourcingPlanner(sp.GetRequiredService<IOptions<SourcingOptions>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CatalogSeeder>());
        return services;
    }
}
