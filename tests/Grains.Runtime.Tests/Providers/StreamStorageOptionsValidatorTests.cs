using Grains.Streams;

namespace Grains.Runtime.Tests.Providers;

public sealed class StreamStorageOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_SevenDayWindowIsValid()
    {
        var options = new StreamStorageOptions();

        Assert.Equal(TimeSpan.FromDays(7), options.DeduplicationWindow);
        Assert.True(new StreamStorageOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("00:00:00", "StreamStorage:DeduplicationWindow is 00:00:00; it must be greater than zero and at most 3650 days.")]
    [InlineData("-00:00:01", "StreamStorage:DeduplicationWindow is -00:00:01; it must be greater than zero and at most 3650 days.")]
    [InlineData("3650.00:00:01", "StreamStorage:DeduplicationWindow is 3650.00:00:01; it must be greater than zero and at most 3650 days.")]
    public void Validate_WindowOutOfRange_FailureNamesOptionValueAndRule(string window, string expected)
    {
        var result = new StreamStorageOptionsValidator().Validate(null, new StreamStorageOptions { DeduplicationWindow = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal([expected], result.Failures);
    }
}
