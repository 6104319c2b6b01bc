using System.Net;
using Fulfillment.Api.Auth;
using Fulfillment.Api.Hosting;
using Fulfillment.Api.Simulation;
using Fulfillment.Api.Tests.Support;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Tests.Deployment;

/// <summary>
/// The service started exactly as the Azure template configures the container of today's shape (role embedded) —
/// environment, storage, API keys, simulator, probes — on a PostgreSQL schema of the test's own standing in for the
/// flexible server.
/// </summary>
public sealed class AzureDeploymentTests : IAsyncLifetime
{
    private readonly PostgreSqlTestSchema _schema = new();
    private readonly ServiceAppTemplate _template = ServiceAppTemplate.Load();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Template_StartsTheServiceInProductionOnPostgreSql_WithItsKeysAndProbes()
    {
        await using var host = await ApiHost.StartAsync(settings =>
        {
            _template.ApplyTo(settings, "embedded", TemplateSecrets.For(_schema));
            settings.Configuration["Storage:PostgreSql:Schema"] = _schema.Name;
        });

        Assert.Equal(Environments.Production, host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
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
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, "/api/v1/atp/SKU-1", apiKey: TemplateSecrets.StorefrontKey)).StatusCode);
        var created = CloudEvents.OrderCreated("o-azure").ToJsonString();
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostEventsAsync(created, "application/cloudevents+json", TemplateSecrets.OpsKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostEventsAsync(created, "application/cloudevents+json", TemplateSecrets.IngestKey)).StatusCode);
    }
}
