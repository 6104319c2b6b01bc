using Fulfillment.Grains.Configuration;
using Fulfillment.Grains.Hosting;
using Fulfillment.Grains.Sourcing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fulfillment.Grains.Tests.Configuration;

public sealed class OptionsTests
{
    [Fact]
    public void NothingConfigured_TheDefaultNetworkAndTransitTable()
    {
        using var services = Build([]);

        var network = services.GetRequiredService<IOptions<FulfillmentOptions>>().Value;
        var sourcing = services.GetRequiredService<IOptions<SourcingOptions>>().Value;

        Assert.Equal(
            [("WH-EAST", "us-east"), ("WH-CENTRAL", "us-central"), ("WH-WEST", "us-west")],
            network.Warehouses.Select(w => (w.Id, w.Region)));
        Assert.Equal((1, 5), (sourcing.HandlingDays, sourcing.DefaultTransitDays));
        Assert.Equal(
            [("us-central", "WH-CENTRAL", 1), ("us-central", "WH-EAST", 2), ("us-central", "WH-WEST", 2),
             ("us-east", "WH-CENTRAL", 2), ("us-east", "WH-EAST", 1), ("us-east", "WH-WEST", 4),
             ("us-west", "WH-CENTRAL", 2), ("us-west", "WH-EAST", 4), ("us-west", "WH-WEST", 1)],
            Flatten(sourcing));
        Assert.False(services.GetRequiredService<IOptions<DemoOptions>>().Value.SeedCatalog);
        Assert.Same(services.GetRequiredService<SourcingPlanner>(), services.GetRequiredService<SourcingPlanner>());
    }

    [Fact]
    public void ConfiguredWarehouses_ReplaceTheDefaults_AndTransitEntriesMergeOverThem()
    {
        using var services = Build(new()
        {
            ["Fulfillment:Warehouses:0:Id"] = "WH-DUBLIN",
            ["Fulfillment:Warehouses:0:Region"] = "eu-west",
            ["Fulfillment:Warehouses:1:Id"] = "WH-EAST",
            ["Fulfillment:Warehouses:1:Region"] = "us-east",
            ["Sourcing:HandlingDays"] = "0",
            ["Sourcing:TransitDays:us-east:WH-EAST"] = "3",
            ["Sourcing:TransitDays:eu-west:WH-DUBLIN"] = "1",
            ["Demo:SeedCatalog"] = "true",
        });

        var network = services.GetRequiredService<IOptions<FulfillmentOptions>>().Value;
        var sourcing = services.GetRequiredService<IOptions<SourcingOptions>>().Value;

        Assert.Equal([("WH-DUBLIN", "eu-west"), ("WH-EAST", "us-east")], network.Warehouses.Select(w => (w.Id, w.Region)));
        Assert.Equal(0, sourcing.HandlingDays);
        Assert.Equal(3, sourcing.TransitDays["us-east"]["WH-EAST"]);
        Assert.Equal(4, sourcing.TransitDays["us-east"]["WH-WEST"]);
        Assert.Equal(1, sourcing.TransitDays["eu-west"]["WH-DUBLIN"]);
        Assert.True(services.GetRequiredService<IOptions<DemoOptions>>().Value.SeedCatalog);
    }

    [Theory]
    [InlineData("Fulfillment:Warehouses:0:Id", "", "Fulfillment:Warehouses:0:Id is ''; it must not be empty.")]
    [InlineData("Fulfillment:Warehouses:0:Id", "WH/EAST", "Fulfillment:Warehouses:0:Id is 'WH/EAST'; it must not contain '/' (it separates warehouse and SKU in inventory keys).")]
    [InlineData("Fulfillment:Warehouses:0:Region", "", "Fulfillment:Warehouses:0:Region is ''; it must not be empty.")]
    [InlineData("Fulfillment:Warehouses:0:Id", "wh-west", "Fulfillment:Warehouses:1:Id is 'WH-WEST'; warehouse ids must be unique (ignoring case).")]
    public void InvalidWarehouse_FailsNamingOptionValueAndRule(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Fulfillment:Warehouses:0:Id"] = "WH-EAST",
            ["Fulfillment:Warehouses:0:Region"] = "us-east",
            ["Fulfillment:Warehouses:1:Id"] = "WH-WEST",
            ["Fulfillment:Warehouses:1:Region"] = "us-west",
        };
        settings[key] = value;
        using var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FulfillmentOptions>>().Value);

        Assert.Equal([message], error.Failures);
    }

    [Fact]
    public void TooManyWarehouses_Fails()
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < 17; i++)
        {
            settings[$"Fulfillment:Warehouses:{i}:Id"] = $"WH-{i}";
            settings[$"Fulfillment:Warehouses:{i}:Region"] = "us-east";
        }

        using var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FulfillmentOptions>>().Value);
        Assert.Equal(["Fulfillment:Warehouses has 17 warehouses; it may have at most 16."], error.Failures);
    }

    [Theory]
    [InlineData("Sourcing:HandlingDays", "-1", "Sourcing:HandlingDays is -1; it must be between 0 and 60 days.")]
    [InlineData("Sourcing:DefaultTransitDays", "61", "Sourcing:DefaultTransitDays is 61; it must be between 0 and 60 days.")]
    [InlineData("Sourcing:TransitDays:us-west:WH-EAST", "-2", "Sourcing:TransitDays:us-west:WH-EAST is -2; it must be between 0 and 60 days.")]
    public void InvalidSourcing_FailsNamingOptionValueAndRule(string key, string value, string message)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourcingOptions>>().Value);

        Assert.Equal([message], error.Failures);
    }

    [Fact]
    public void Sla_NothingConfigured_TheDefaults_AndSecondsCanBeConfigured()
    {
        using var defaults = Build([]);
        using var configured = Build(new() { ["Sla:PickToPackStall"] = "00:00:05", ["Sla:LabelToScanStall"] = "00:00:10", ["Sla:AtRiskBefore"] = "00:01:00" });

        var sla = defaults.GetRequiredService<IOptions<SlaOptions>>().Value;
        var seconds = configured.GetRequiredService<IOptions<SlaOptions>>().Value;

        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(4)), (sla.PickToPackStall, sla.LabelToScanStall, sla.AtRiskBefore));
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)), (seconds.PickToPackStall, seconds.LabelToScanStall, seconds.AtRiskBefore));
    }

    [Theory]
    [InlineData("Sla:PickToPackStall", "00:00:00", "Sla:PickToPackStall is 00:00:00; it must be more than zero and at most 30.00:00:00.")]
    [InlineData("Sla:LabelToScanStall", "-00:05:00", "Sla:LabelToScanStall is -00:05:00; it must be more than zero and at most 30.00:00:00.")]
    [InlineData("Sla:AtRiskBefore", "31.00:00:00", "Sla:AtRiskBefore is 31.00:00:00; it must be more than zero and at most 30.00:00:00.")]
    public void InvalidSla_FailsNamingOptionValueAndRule(string key, string value, string message)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SlaOptions>>().Value);

        Assert.Equal([message], error.Failures);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddFulfillmentDomain(configuration).BuildServiceProvider();
    }

    private static IEnumerable<(string Region, string Warehouse, int Days)> Flatten(SourcingOptions options) =>
        options.TransitDays
            .SelectMany(r => r.Value.Select(w => (Region: r.Key, Warehouse: w.Key, Days: w.Value)))
            .OrderBy(t => t.Region, StringComparer.Ordinal)
            .ThenBy(t => t.Warehouse, StringComparer.Ordinal);
}
