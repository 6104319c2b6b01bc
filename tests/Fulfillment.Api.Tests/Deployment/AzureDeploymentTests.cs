using System.Net;
using Fulfillment.Api.Auth;
using Fulfillment.Api.Hosting;
using Fulfillment.Api.Simulation;
using Fulfillment.Api.Tests.Support;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Tests.Deployment;

/// <summary>
/// The service started exactly as the Azure template configures its container — environment, storage, API keys,
/// simulator, probes — on a PostgreSQL schema of the test's own standing in for the flexible server.
/// </summary>
public sealed class AzureDeploymentTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> ApiKeys = new(StringComparer.Ordinal)
    {
        ["storefront-api-key"] = "azure-storefront-key-0123",
        ["ops-api-key"] = "azure-ops-key-0123456789",
        ["ingest-api-key"] = "azure-ingest-key-01234567",
    };

    private readonly PostgreSqlTestSchema _schema = new();
    private readonly ContainerAppSettings _template = ContainerAppSettings.Load();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Template_StartsTheServiceInProductionOnPostgreSql_WithItsKeysAndProbes()
    {
        await using var host = await ApiHost.StartAsync(Configure);

        Assert.Equal("Production", _template.ValueOf("ASPNETCORE_ENVIRONMENT"));
        Assert.Equal(StorageProvider.PostgreSql, host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider);
        Assert.False(host.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value.Enabled);
        var keys = host.Services.GetRequiredService<IOptions<ApiKeyOptions>>().Value.ApiKeys;
        Assert.Equal(
            [("storefront", "storefront"), ("ops", "ops"), ("ingest", "ingest")],
            keys.Select(k => (k.Name, Assert.Single(k.Roles))).ToArray());
        Assert.Equal(["/health/live", "/health/ready"], _template.ProbePaths.Order(StringComparer.Ordinal).ToArray());
        foreach (var path in _template.ProbePaths)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Get, "/api/v1/atp/SKU-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, "/api/v1/atp/SKU-1", apiKey: ApiKeys["storefront-api-key"])).StatusCode);
        var created = CloudEvents.OrderCreated("o-azure").ToJsonString();
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostEventsAsync(created, "application/cloudevents+json", ApiKeys["ops-api-key"])).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostEventsAsync(created, "application/cloudevents+json", ApiKeys["ingest-api-key"])).StatusCode);
    }

    /// <summary>The template's variables as configuration (<c>A__B</c> is <c>A:B</c>), its secrets filled in for the test.</summary>
    private void Configure(ApiHostSettings settings)
    {
        settings.WithoutKeys();
        settings.Configuration.Remove("Storage:Provider");
        foreach (var (name, value, secretRef) in _template.Variables)
        {
            if (name == "ASPNETCORE_ENVIRONMENT")
            {
                settings.Environment = value!;
                continue;
            }

            settings.Configuration[name.Replace("__", ":", StringComparison.Ordinal)] = secretRef switch
            {
                null => value,
                "postgres-connection" => _schema.ConnectionString,
                _ => ApiKeys[secretRef],
            };
        }

        // The template keeps the default schema; the test keeps to its own on the shared server.
        settings.Configuration["Storage:PostgreSql:Schema"] = _schema.Name;
    }
}
