namespace Fulfillment.Contracts.Tests;

public sealed class StageTests
{
    [Fact]
    public void All_HasTheTwelveContractStagesInRankOrder()
    {
        Assert.Equal(
            ["created", "payment_confirmed", "allocated", "picked", "packed", "labeled", "carrier_scanned", "in_transit", "out_for_delivery", "delivered", "failed", "cancelled"],
            Stage.All.Select(s => s.Name));
        Assert.Equal(Enumerable.Range(0, 12), Stage.All.Select(s => s.Rank));
    }

    [Fact]
    public void Reportable_IsPickedOnWithoutCancelled()
    {
        Assert.Equal(
            ["picked", "packed", "labeled", "carrier_scanned", "in_transit", "out_for_delivery", "delivered", "failed"],
            Stage.Reportable.Select(s => s.Name));
        Assert.All(Stage.Reportable, s => Assert.True(s.IsReportable));
        Assert.False(Stage.Cancelled.IsReportable);
        Assert.False(Stage.Allocated.IsReportable);
    }

    [Fact]
    public void IsFinal_OnlyForDeliveredAndCancelled() =>
        Assert.Equal([Stage.Delivered, Stage.Cancelled], Stage.All.Where(s => s.IsFinal));

    [Theory]
    [InlineData("carrier_scanned", true)]
    [InlineData("Carrier_Scanned", false)]
    [InlineData("shipped", false)]
    [InlineData(null, false)]
    public void TryParse_MatchesWireNamesExactly(string? name, bool found)
    {
        Assert.Equal(found, Stage.TryParse(name, out var stage));
        Assert.Equal(found ? name : null, stage?.Name);
    }
}
