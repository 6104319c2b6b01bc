using Fulfillment.Api.Tests.Support;
using Grains.Testing;

namespace Fulfillment.Api.Tests.Deployment;

/// <summary>
/// Every configuration key the Azure template sets is one the service reads: the service is started with each role's
/// variables and the configuration records every key looked up, so a misspelt or retired key fails here instead of
/// being ignored in Azure. The silo and cluster keys of the cluster shape (issue 6) are the exception until the
/// service has them; the test pins their names and values per role.
/// </summary>
public sealed class TemplateSettingsReadTests : IAsyncLifetime
{
    /// <summary>The cluster shape's keys, named by issue 6; the service binds them once the silo cluster is built.</summary>
    private static readonly HashSet<string> ClusterKeys = new(StringComparer.Ordinal)
    {
        "Silo:Enabled", "Silo:Port", "Silo:AdvertisedHost", "Cluster:Partitions", "Cluster:LeaseDuration",
    };

    private readonly PostgreSqlTestSchema _schema = new();
    private readonly ServiceAppTemplate _template = ServiceAppTemplate.Load();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public void Template_HasTheThreeRoles() =>
        Assert.Equal(["embedded", "gateway", "silo"], _template.Roles.Order(StringComparer.Ordinal).ToArray());

    [Theory]
    [InlineData("embedded")]
    [InlineData("gateway")]
    [InlineData("silo")]
    public async Task EveryKeyTheTemplateSets_IsReadByTheServiceAtStart(string role)
    {
        var reads = new ConfigurationReads();
        await using var host = await ApiHost.StartAsync(settings =>
        {
            _template.ApplyTo(settings, role, TemplateSecrets.For(_schema));
            settings.Configuration["Storage:PostgreSql:Schema"] = _schema.Name;
            settings.Reads = reads;
        });

        var unread = _template.VariablesOf(role)
            .Where(v => v.Name != "ASPNETCORE_ENVIRONMENT" && !ClusterKeys.Contains(v.ConfigurationKey))
            .Select(v => v.ConfigurationKey)
            .Where(key => !reads.WasRead(key))
            .ToList();
        Assert.Empty(unread);
    }

    [Fact]
    public void ClusterKeys_AreSetByTheClusterRolesOnly_WithTheirValues()
    {
        Assert.Empty(ClusterSettingsOf("embedded"));
        Assert.Equal(
            ["Cluster:LeaseDuration = <shared.clusterLeaseDuration>", "Cluster:Partitions = <string(shared.clusterPartitions)>", "Silo:Enabled = false"],
            ClusterSettingsOf("gateway"));
        Assert.Equal(
            [
                "Cluster:LeaseDuration = <shared.clusterLeaseDuration>", "Cluster:Partitions = <string(shared.clusterPartitions)>",
                "Silo:AdvertisedHost = <name>", "Silo:Enabled = true", "Silo:Port = <string(shared.siloPort)>",
            ],
            ClusterSettingsOf("silo"));
    }

    private string[] ClusterSettingsOf(string role) => _template.VariablesOf(role)
        .Where(v => ClusterKeys.Contains(v.ConfigurationKey))
        .Select(v => $"{v.ConfigurationKey} = {v.Value ?? $"<{v.Expression}>"}")
        .Order(StringComparer.Ordinal)
        .ToArray();
}
