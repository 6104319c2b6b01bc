using Fulfillment.Contracts.Orders;

namespace Fulfillment.Contracts.Tests;

public sealed class OrderVocabularyTests
{
    [Fact]
    public void WireNames_AreTheGatewayContracts()
    {
        Assert.Equal(["on_track", "at_risk", "breached"], SlaStatuses.All);
        Assert.Equal(["pick_to_pack_stall", "label_to_scan_stall", "sla_at_risk", "sla_breached"], AlertKinds.All);
        Assert.Equal(("open", "resolved"), (AlertStatuses.Open, AlertStatuses.Resolved));
    }

    [Theory]
    [InlineData(AlertKinds.PickToPackStall, true)]
    [InlineData(AlertKinds.LabelToScanStall, true)]
    [InlineData(AlertKinds.SlaAtRisk, false)]
    [InlineData(AlertKinds.SlaBreached, false)]
    public void IsStall_OnlyTheTwoStallKinds(string kind, bool stall) => Assert.Equal(stall, AlertKinds.IsStall(kind));

    [Fact]
    public void AlertId_IsOrderIdAndKind() => Assert.Equal("o-1:sla_breached", OrderAlert.IdOf("o-1", AlertKinds.SlaBreached));
}
