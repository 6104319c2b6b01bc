using System.Text.Json;
using Fulfillment.Contracts.Inventory;
using Fulfillment.Grains.Inventory;

namespace Fulfillment.Grains.Tests.Inventory;

public sealed class InventoryStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly InventoryKey Key = new("WH-EAST", "SKU-1");

    [Theory]
    [InlineData(50, 3, 5, 42)]
    [InlineData(10, 0, 10, 0)]
    [InlineData(10, 4, 0, 6)]
    [InlineData(3, 5, 0, 0)]
    [InlineData(0, 0, 0, 0)]
    public void Available_IsOnHandMinusReservedMinusSafetyStock_NeverNegative(int onHand, int safetyStock, int reserved, int available)
    {
        var state = Stocked(onHand, safetyStock);
        if (reserved > 0)
        {
            Assert.Equal(HoldChange.Taken, state.Hold("r-1", reserved, Now.AddMinutes(5)));
        }

        Assert.Equal(available, state.Available);
        Assert.Equal(available, state.ToRow(Key).Available);
    }

    [Fact]
    public void SetLevels_BelowWhatIsReserved_LeavesHoldsAndAvailableZero()
    {
        var state = Stocked(10, 0);
        state.Hold("r-1", 8, Now.AddMinutes(5));

        state.SetLevels(new InventoryLevels(5, 2));

        Assert.Equal((5, 8, 2, 0), (state.OnHand, state.Reserved, state.SafetyStock, state.Available));
        Assert.Equal(HoldChange.Refused, state.Hold("r-2", 1, Now.AddMinutes(5)));
    }

    [Fact]
    public void SetLevels_WithoutInbound_KeepsInbound()
    {
        var state = Stocked(10, 0);
        state.SetLevels(new InventoryLevels(10, 0, 40));

        state.SetLevels(new InventoryLevels(12, 1));

        Assert.Equal(40, state.Inbound);
    }

    [Theory]
    [InlineData(-1, 0, null)]
    [InlineData(0, -1, null)]
    [InlineData(0, 0, -1)]
    public void SetLevels_Negative_Throws(int onHand, int safetyStock, int? inbound)
    {
        var state = Stocked(10, 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => state.SetLevels(new InventoryLevels(onHand, safetyStock, inbound)));
        Assert.Equal(10, state.OnHand);
    }

    [Fact]
    public void Hold_MoreThanAvailable_IsRefusedAndChangesNothing()
    {
        var state = Stocked(10, 2);

        Assert.Equal(HoldChange.Refused, state.Hold("r-1", 9, Now.AddMinutes(5)));
        Assert.Equal(HoldChange.Taken, state.Hold("r-2", 8, Now.AddMinutes(5)));
        Assert.Equal((8, 0), (state.Reserved, state.Available));
        Assert.Equal(["r-2"], state.Holds.Keys);
    }

    [Fact]
    public void Hold_SameIdAgain_ChangesNothing_AndALaterExpiryExtendsIt()
    {
        var state = Stocked(10, 0);
        state.Hold("r-1", 4, Now.AddMinutes(5));

        Assert.Equal(HoldChange.Unchanged, state.Hold("r-1", 4, Now.AddMinutes(5)));
        Assert.Equal(HoldChange.Unchanged, state.Hold("r-1", 4, Now.AddMinutes(1)));
        Assert.Equal(HoldChange.Amended, state.Hold("r-1", 4, Now.AddMinutes(9)));
        Assert.Equal((4, Now.AddMinutes(9)), (state.Reserved, state.NextExpiry));
    }

    [Fact]
    public void Hold_SameIdOtherQuantity_ResizesWhenTheDifferenceIsAvailable()
    {
        var state = Stocked(10, 0);
        state.Hold("r-1", 4, Now.AddMinutes(5));
        state.Hold("r-2", 3, Now.AddMinutes(5));

        Assert.Equal(HoldChange.Refused, state.Hold("r-1", 8, Now.AddMinutes(5)));
        Assert.Equal(HoldChange.Amended, state.Hold("r-1", 7, Now.AddMinutes(5)));
        Assert.Equal(HoldChange.Amended, state.Hold("r-1", 2, Now.AddMinutes(5)));
        Assert.Equal((5, 5), (state.Reserved, state.Available));
    }

    [Fact]
    public void ConfirmedAllocation_IsNeverResized_AndNeverExpires()
    {
        var state = Stocked(10, 0);
        state.Hold("r-1", 4, Now.AddMinutes(5));

        Assert.Equal((true, true), state.Confirm("r-1"));
        Assert.Equal((true, false), state.Confirm("r-1"));
        Assert.Equal(HoldChange.Unchanged, state.Hold("r-1", 4, Now.AddMinutes(5)));
        Assert.Throws<InventoryRuleException>(() => state.Hold("r-1", 5, Now.AddMinutes(5)));
        Assert.Equal(0, state.ReleaseExpired(Now.AddDays(365)));
        Assert.Equal((4, (DateTimeOffset?)null), (state.Reserved, state.NextExpiry));
    }

    [Fact]
    public void Confirm_UnknownReservation_IsNotFound() => Assert.Equal((false, false), Stocked(10, 0).Confirm("r-9"));

    [Fact]
    public void Release_ReturnsHeldOrAllocatedStock_OnceOnly()
    {
        var state = Stocked(10, 0);
        state.Hold("r-1", 4, Now.AddMinutes(5));
        state.Hold("r-2", 3, Now.AddMinutes(5));
        state.Confirm("r-2");

        Assert.True(state.Release("r-1"));
        Assert.True(state.Release("r-2"));
        Assert.False(state.Release("r-1"));
        Assert.Equal((0, 10), (state.Reserved, state.Available));
    }

    [Fact]
    public void Ship_Allocation_DropsOnHandAndEndsIt()
    {
        var state = Stocked(10, 1);
        state.Hold("r-1", 4, Now.AddMinutes(5));
        state.Confirm("r-1");

        Assert.True(state.Ship("r-1"));
        Assert.False(state.Ship("r-1"));
        Assert.Equal((6, 0, 5), (state.OnHand, state.Reserved, state.Available));
    }

    [Fact]
    public void Ship_HoldNotConfirmed_ThrowsAndChangesNothing()
    {
        var state = Stocked(10, 0);
        state.Hold("r-1", 4, Now.AddMinutes(5));

        var error = Assert.Throws<InventoryRuleException>(() => state.Ship("r-1"));

        Assert.Contains("confirm it before shipping", error.Message, StringComparison.Ordinal);
        Assert.Equal((10, 4), (state.OnHand, state.Reserved));
    }

    [Fact]
    public void Ship_MoreThanCounted_StopsOnHandAtZero()
    {
        var state = Stocked(10, 0);
        state.Hold("r-1", 8, Now.AddMinutes(5));
        state.Confirm("r-1");
        state.SetOnHand(5);

        state.Ship("r-1");

        Assert.Equal((0, 0), (state.OnHand, state.Reserved));
    }

    [Fact]
    public void ReleaseExpired_ReleasesExactlyTheHoldsDueByNow_AndKeepsTheNextExpiry()
    {
        var state = Stocked(20, 0);
        state.Hold("r-1", 1, Now.AddMinutes(1));
        state.Hold("r-2", 2, Now.AddMinutes(2));
        state.Hold("r-3", 4, Now.AddMinutes(3));
        state.Hold("r-4", 8, Now.AddMinutes(1));
        state.Confirm("r-4");

        Assert.Equal(0, state.ReleaseExpired(Now.AddMinutes(1).AddTicks(-1)));
        Assert.Equal(1, state.ReleaseExpired(Now.AddMinutes(1)));
        Assert.Equal(Now.AddMinutes(2), state.NextExpiry);
        Assert.Equal(2, state.ReleaseExpired(Now.AddMinutes(10)));
        Assert.Equal((8, (DateTimeOffset?)null), (state.Reserved, state.NextExpiry));
    }

    [Fact]
    public void OnHandAfterReceiving_Overflow_ThrowsBeforeAnythingChanges()
    {
        var state = Stocked(int.MaxValue - 1, 0);

        Assert.Equal(int.MaxValue, state.OnHandAfterReceiving(1));
        Assert.Throws<OverflowException>(() => state.OnHandAfterReceiving(2));
        Assert.Equal(int.MaxValue - 1, state.OnHand);
    }

    [Fact]
    public void State_AfterStorageRoundTrip_DerivesTheSameReservedAndNextExpiry()
    {
        var state = Stocked(20, 2);
        state.Hold("r-1", 3, Now.AddMinutes(2));
        state.Hold("r-2", 5, Now.AddMinutes(1));
        state.Confirm("r-1");
        state.Processed.TryMark("evt-1");

        var copy = JsonSerializer.Deserialize<InventoryState>(JsonSerializer.Serialize(state))!;

        Assert.Equal(state.ToRow(Key), copy.ToRow(Key));
        Assert.Equal((8, 10, Now.AddMinutes(1)), (copy.Reserved, copy.Available, copy.NextExpiry));
        Assert.True(copy.Processed.Contains("evt-1"));
    }

    private static InventoryState Stocked(int onHand, int safetyStock)
    {
        var state = new InventoryState();
        state.SetLevels(new InventoryLevels(onHand, safetyStock));
        state.Stamp(Now);
        return state;
    }
}
