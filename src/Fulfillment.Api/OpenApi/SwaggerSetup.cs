using Fulfillment.Api.Auth;
using Microsoft.OpenApi;

namespace Fulfillment.Api.OpenApi;

public static class SwaggerSetup
{
    public const string DocumentPath = "/swagger/v1/swagger.json";
    public const string UiPath = "/swagger";

    public static IServiceCollection AddFulfillmentSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "FulfillmentGrains gateway",
                Version = "v1",
                Description = "Real-time order fulfillment: available-to-promise, reservations and inventory, orders and tracking, carrier and " +
                    "warehouse operations, SLA alerts, CloudEvents ingestion, " +
                    "stream operations and health. " +
                    "Errors are RFC 9457 problem documents; a 4xx means nothing changed.",
            });
            options.AddSecurityDefinition(ApiKeySecurityFilter.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyDefaults.HeaderName,
                Description = $"An API key from configuration (Auth:ApiKeys) with the role the route names: {string.Join(", ", ApiKeyRoles.All)}.",
            });
            options.OperationFilter<ApiKeySecurityFilter>();
            options.OperationFilter<ExamplesFilter>();
            options.OperationFilter<AvailabilityExamplesFilter>();
            options.OperationFilter<OrdersExamplesFilter>();
            options.SupportNonNullableReferenceTypes();
        });
        return services;
    }

    public static IApplicationBuilder UseFulfillmentSwagger(this IApplicationBuilder app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint(DocumentPath, "FulfillmentGrains gateway v1");
            options.DocumentTitle = "FulfillmentGrains gateway";
        });
        return app;
    }
}
