using Fulfillment.Api.Alerts;
using Fulfillment.Api.Auth;
using Fulfillment.Api.Availability;
using Fulfillment.Api.Diagnostics;
using Fulfillment.Api.Health;
using Fulfillment.Api.Ingestion;
using Fulfillment.Api.Inventory;
using Fulfillment.Api.Json;
using Fulfillment.Api.Operations;
using Fulfillment.Api.Orders;
using Fulfillment.Api.OpenApi;
using Fulfillment.Api.Problems;
using Fulfillment.Api.RateLimiting;
using Fulfillment.Api.Reservations;
using Fulfillment.Api.Simulation;
using Fulfillment.Api.Streams;
using Fulfillment.Api.Tracking;
using Fulfillment.Grains.Hosting;
using Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Hosting;

/// <summary>
/// Composes the service: one silo in the process with the storage <c>Storage:Provider</c> names and the fulfillment
/// grains (inventory, availability, reservations, orders, tracking, carriers, warehouses; options <c>Fulfillment</c>, <c>Sourcing</c>, <c>Sla</c>, <c>Demo</c>), the order and alert read models
/// (<c>ReadModel</c>), API-key
/// auth, the storefront rate limit, problem documents, the ATP, reservation, inventory, order, tracking, carrier, warehouse and alert routes, ingestion, stream
/// operations, health, Swagger, the demo feed (<c>Simulator</c>), and OTLP export of logs and traces when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Program.cs, tests and benchmarks all call it; they override through configuration,
/// services registered before (a <see cref="TimeProvider"/>), and the silo callback of AddFulfillment (extra grain
/// assemblies, replacement providers).
/// </summary>
public static class FulfillmentHost
{
    /// <summary>The connection string (<c>ConnectionStrings:Fulfillment</c>) the PostgreSQL storage uses.</summary>
    public const string ConnectionStringName = "Fulfillment";

    public static WebApplicationBuilder AddFulfillment(this WebApplicationBuilder builder, Action<ISiloBuilder>? configureSilo = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var storageSection = builder.Configuration.GetSection(StorageOptions.SectionName);
        var storage = storageSection.Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.Configure<StorageOptions>(storageSection);

        // Before the silo: the projector starts before the order grains that publish to it, and stops after them.
        ReadModelStorage.Configure(builder.Services, builder.Configuration, storage);
        builder.AddGrains(silo =>
        {
            SiloStorage.Configure(silo, storage, builder.Configuration.GetConnectionString(ConnectionStringName));
            silo.AddFulfillmentGrains();
            configureSilo?.Invoke(silo);
        });
        builder.Services.AddFulfillmentDomain(builder.Configuration);

        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            o.SerializerOptions.Converters.Add(new UtcTimestampConverter());
        });
        services.AddFulfillmentProblemDetails();
        services.AddApiKeyAuthentication(builder.Configuration);
        services.AddStorefrontRateLimiting(builder.Configuration);
        services.AddSingleton<KnownWarehouses>();
        services.AddOptions<IngestionOptions>().Bind(builder.Configuration.GetSection(IngestionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>();
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton<EventIngestor>();
        services.AddOptions<SimulatorOptions>().Bind(builder.Configuration.GetSection(SimulatorOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>();
        services.AddSingleton<DemoFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoFeed>());
        services.AddFulfillmentHealthChecks();
        services.AddFulfillmentSwagger();
        services.AddHostedService<StartupLog>();
        builder.AddOpenTelemetryExport();
        return builder;
    }

    public static WebApplication UseFulfillment(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Outermost, so the request's activity is tagged with the status the client finally gets.
        app.UseRequestActivityTags();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseFulfillmentSwagger();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapAtpApi();
        app.MapReservationsApi();
        app.MapInventoryApi();
        app.MapOrdersApi();
        app.MapTrackingApi();
        app.MapCarriersApi();
        app.MapWarehousesApi();
        app.MapAlertsApi();
        app.MapEventsApi();
        app.MapStreamsApi();
        app.MapFulfillmentHealthChecks();
        return app;
    }
}
