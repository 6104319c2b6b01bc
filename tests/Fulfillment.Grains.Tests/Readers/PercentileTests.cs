using Fulfillment.Grains.Warehouses;

namespace Fulfillment.Grains.Tests.Readers;

public sealed class PercentileTests
{
    [Theory]
    [InlineData(50, 20.0)]
    [InlineData(90, 40.0)]
    [InlineData(25, 10.0)]
    [InlineData(100, 40.0)]
    [InlineData(0, 10.0)]
    public void NearestRank_IsAValueThatOccurred(double percent, double expected) =>
        Assert.Equal(expected, Percentile.NearestRank([10.0, 20.0, 30.0, 40.0], percent));

    [Fact]
    public void NearestRank_NoValues_IsNull() => Assert.Null(Percentile.NearestRank([], 50));
}
