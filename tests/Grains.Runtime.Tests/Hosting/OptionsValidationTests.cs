using Grains.Hosting;
using Grains.Reminders;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Tests.Hosting;

public sealed class OptionsValidationTests
{
    [Fact]
    public void GrainsOptions_Defaults_AreValid()
    {
        Assert.True(new GrainsOptionsValidator().Validate(null, new GrainsOptions()).Succeeded);
    }

    [Fact]
    public void GrainsOptions_BadValues_EachFailureNamesOptionValueAndRule()
    {
        var options = new GrainsOptions { Partitions = 0, ResponseTimeout = TimeSpan.Zero, MaxPendingRequestsPerActivation = 0 };
        options.CollectionAgeByGrainType["inventory"] = TimeSpan.FromSeconds(-1);

        var result = new GrainsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "Grains:Partitions is 0; it must be between 1 and 65536.",
                "Grains:ResponseTimeout is 00:00:00; it must be greater than zero.",
                "Grains:CollectionAgeByGrainType[inventory] is -00:00:01; it must be greater than zero.",
                "Grains:MaxPendingRequestsPerActivation is 0; it must be at least 1.",
            ],
            result.Failures);
    }

    [Fact]
    public void ReminderOptions_RetryDelaysOutOfOrder_Rejected()
    {
        var result = new ReminderOptionsValidator().Validate(null, new ReminderOptions { InitialRetryDelay = TimeSpan.FromMinutes(5), MaximumRetryDelay = TimeSpan.FromMinutes(1) });

        Assert.Equal(["Reminders:MaximumRetryDelay is 00:01:00; it must not be shorter than InitialRetryDelay (00:05:00)."], result.Failures);
    }

    [Fact]
    public async Task Silo_WithInvalidOptions_RefusesToStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => Testing.TestSilo.StartAsync(silo => silo.Configure(o => o.Partitions = -3)));

        Assert.Contains("Grains:Partitions is -3", error.Message);
    }
}
