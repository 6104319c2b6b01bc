using Fulfillment.Contracts.Validation;

namespace Fulfillment.Contracts.Tests;

public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2026-11-25T14:30:00Z", "2026-11-25T14:30:00.0000000+00:00")]
    [InlineData("2026-11-25t14:30:00z", "2026-11-25T14:30:00.0000000+00:00")]
    [InlineData("2026-11-25T14:30:00.5+01:00", "2026-11-25T14:30:00.5000000+01:00")]
    [InlineData("2026-11-25T14:30:00.123456789-05:30", "2026-11-25T14:30:00.1234567-05:30")]
    [InlineData("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.0000000+00:00")]
    [InlineData("2026-12-31T23:59:59+14:00", "2026-12-31T23:59:59.0000000+14:00")]
    public void TryParse_ValidTimestamp_ReturnsTheInstant(string text, string expected)
    {
        Assert.True(Rfc3339.TryParse(text, out var value));
        Assert.Equal(expected, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-11-25")]
    [InlineData("2026-11-25T14:30Z")]
    [InlineData("2026-11-25T14:30:00")]
    [InlineData("2026-11-25 14:30:00Z")]
    [InlineData("2026-11-25T14:30:00.Z")]
    [InlineData("2026-11-25T14:30:00.1234567890Z")]
    [InlineData("2026-11-25T14:30:00+0100")]
    [InlineData("2026-11-25T14:30:00+15:00")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-02-29T00:00:00Z")]
    [InlineData("2026-11-25T24:00:00Z")]
    [InlineData("2026-11-25T14:60:00Z")]
    [InlineData("2026-11-25T14:30:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("2026-11-25T14:30:00Z ")]
    [InlineData("２026-11-25T14:30:00Z")]
    public void TryParse_NotStrictRfc3339_IsRejected(string text) => Assert.False(Rfc3339.TryParse(text, out _));
}
