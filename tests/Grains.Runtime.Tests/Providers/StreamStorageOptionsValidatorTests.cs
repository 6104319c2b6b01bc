using System.Globalization;
using Grains.Streams;

namespace Grains.Runtime.Tests.Providers;

public sealed class StreamStorageOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_DayWindowAndFiveMillionIdsAreValid()
    {
        var options = new StreamStorageOptions();

        Assert.Equal(TimeSpan.FromHours(24), options.DeduplicationWindow);
        Assert.Equal(5_000_000, options.DeduplicationCapacity);
        Assert.True(new StreamStorageOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("00:00:00", "StreamStorage:DeduplicationWindow is 00:00:00; it must be greater than zero and at most 3650 days.")]
    [InlineData("-00:00:01", "StreamStorage:DeduplicationWindow is -00:00:01; it must be greater than zero and at most 3650 days.")]
    [InlineData("3650.00:00:01", "StreamStorage:DeduplicationWindow is 3650.00:00:01; it must be greater than zero and at most 3650 days.")]
    public void Validate_WindowOutOfRange_FailureNamesOptionValueAndRule(string window, string expected)
    {
        var result = new StreamStorageOptionsValidator().Validate(null, new StreamStorageOptions { DeduplicationWindow = TimeSpan.Parse(window, CultureInfo.InvariantCulture) });

        Assert.Equal([expected], result.Failures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100_000_001)]
    public void Validate_CapacityOutOfRange_FailureNamesOptionValueAndRule(int capacity)
    {
        var result = new StreamStorageOptionsValidator().Validate(null, new StreamStorageOptions { DeduplicationCapacity = capacity });

        Assert.Equal([$"StreamStorage:DeduplicationCapacity is {capacity}; it must be between 1 and 100000000."], result.Failures);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100_000_000)]
    public void Validate_CapacityAtBounds_Succeeds(int capacity)
    {
        Assert.True(new StreamStorageOptionsValidator().Validate(null, new StreamStorageOptions { DeduplicationCapacity = capacity }).Succeeded);
    }

    [Fact]
    public void Validate_WindowAndCapacityBothInvalid_ReportsBoth()
    {
        var result = new StreamStorageOptionsValidator().Validate(
            null, new StreamStorageOptions { DeduplicationWindow = TimeSpan.Zero, DeduplicationCapacity = 0 });

        Assert.Equal(
            [
                "StreamStorage:DeduplicationWindow is 00:00:00; it must be greater than zero and at most 3650 days.",
                "StreamStorage:DeduplicationCapacity is 0; it must be between 1 and 100000000.",
            ],
            result.Failures);
    }
}
