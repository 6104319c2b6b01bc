using Fulfillment.Contracts.Reservations;
using Fulfillment.Grains.Tests.Support;
using static Fulfillment.Grains.Tests.Support.Network;
using static Fulfillment.Grains.Tests.Support.OrderEvents;

namespace Fulfillment.Grains.Tests.Orders;

public abstract class OrderStockTests : OrderTestBase
{
    private IReservationGrain Reservation(string id) => Grains.GetGrain<IReservationGrain>(id);

    [Fact]
    public async Task Payment_WithAReservation_ConfirmsItForTheOrder_AndAllocatesWhereItHolds()
    {
        await ReserveAsync("r-1");
        await CreateAsync("o-1", "r-1");

        await Grains.DeliverAsync(Paid("o-1", "e-paid", T0));

        var view = await ViewAsync("o-1");
        Assert.Equal(("allocated", East, (string?)null), (view.Stage, view.WarehouseId, view.AllocationIssue));
        Assert.Equal([new ReservedLine(Sku, 2, East)], view.Allocations);
        var reservation = await Reservation("r-1").Get();
        Assert.Equal((ReservationStatus.Confirmed, "o-1"), (reservation!.Status, reservation.OrderId));
        Assert.Equal((10, 2), ((await RowAsync()).OnHand, (await RowAsync()).Reserved));
    }

    [Fact]
    public async Task Payment_WithoutAReservation_SourcesTheLinesUnderTheOrderId()
    {
        await Grains.StockAsync(West, Sku, 5);
        await CreateAsync("o-1", quantity: 3);

        await Grains.DeliverAsync(Paid("o-1", "e-paid", T0));

        var view = await ViewAsync("o-1");
        Assert.Equal(("allocated", West), (view.Stage, view.WarehouseId));
        Assert.Equal([new ReservedLine(Sku, 3, West)], view.Allocations);
        Assert.Equal((ReservationStatus.Confirmed, "o-1"), ((await Reservation("o-1").Get())!.Status, (await Reservation("o-1").Get())!.OrderId));
        Assert.Equal(3, (await RowAsync(West)).Reserved);
    }

    [Fact]
    public async Task Payment_AfterTheReservationLapsed_SourcesAfresh()
    {
        await ReserveAsync("r-1");
        await CreateAsync("o-1", "r-1");
        Time.Advance(TimeSpan.FromSeconds(900));
        await Grains.RowWhen(East, Sku, r => r!.Reserved == 0);

        await Grains.DeliverAsync(Paid("o-1", "e-paid", Now));

        var view = await ViewAsync("o-1");
        Assert.Equal(("allocated", (string?)null), (view.Stage, view.AllocationIssue));
        Assert.Equal([new ReservedLine(Sku, 2, East)], view.Allocations);
        Assert.Equal(ReservationStatus.Expired, (await Reservation("r-1").Get())!.Status);
        Assert.Equal(2, (await RowAsync()).Reserved);
    }

    [Fact]
    public async Task Payment_WhenTheNetworkIsShort_RecordsWhy_AndTheOrderWaitsAtPaymentConfirmed()
    {
        await Grains.StockAsync(East, Sku, 1);
        await CreateAsync("o-1");

        await Grains.DeliverAsync(Paid("o-1", "e-paid", T0));

        var view = await ViewAsync("o-1");
        Assert.Equal("payment_confirmed", view.Stage);
        Assert.Empty(view.Allocations);
        Assert.Equal("sourcing failed: short of SKU-1 (requested 2, available 1)", view.AllocationIssue);
        Assert.Equal(0, (await RowAsync()).Reserved);
    }

    [Fact]
    public async Task Payment_ConfirmedAgainAfterARestock_AllocatesThen()
    {
        await Grains.StockAsync(East, Sku, 1);
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Paid("o-1", "e-paid", T0));

        await Grains.StockAsync(East, Sku, 5);
        await Grains.DeliverAsync(Paid("o-1", "e-paid-again", T0.AddMinutes(1)));

        var view = await ViewAsync("o-1");
        Assert.Equal(("allocated", (string?)null), (view.Stage, view.AllocationIssue));
        Assert.Equal(2, (await RowAsync()).Reserved);
    }

    [Fact]
    public async Task Payment_AfterTheGoodsLeft_AllocatesAndShipsAtOnce()
    {
        await Grains.StockAsync(East, Sku, 10);
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-scanned", "carrier_scanned", T0.AddMinutes(5)));

        await Grains.DeliverAsync(Paid("o-1", "e-paid", T0));

        var view = await ViewAsync("o-1");
        Assert.Equal("carrier_scanned", view.Stage);
        Assert.Equal([new ReservedLine(Sku, 2, East)], view.Allocations);
        Assert.Equal((8, 0), ((await RowAsync()).OnHand, (await RowAsync()).Reserved));
    }

    [Fact]
    public async Task CarrierScan_TurnsTheAllocationIntoLessOnHand_Once()
    {
        await ReserveAsync("r-1");
        await CreateAsync("o-1", "r-1");
        await Grains.DeliverAsync(Paid("o-1", "e-paid", T0), Stage("o-1", "e-labeled", "labeled", T0.AddMinutes(5)));
        Assert.Equal((10, 2), ((await RowAsync()).OnHand, (await RowAsync()).Reserved));

        await Grains.DeliverAsync(
            Stage("o-1", "e-scanned", "carrier_scanned", T0.AddMinutes(6)),
            Stage("o-1", "e-scanned-again", "carrier_scanned", T0.AddMinutes(7)),
            Stage("o-1", "e-transit", "in_transit", T0.AddMinutes(8)));

        var row = await RowAsync();
        Assert.Equal((8, 0, 8), (row.OnHand, row.Reserved, row.Available));
    }

    [Fact]
    public async Task DeliveredWithoutAScan_StillShipsTheAllocation()
    {
        await Grains.StockAsync(East, Sku, 10);
        await AllocatedAsync("o-1");

        await Grains.DeliverAsync(Stage("o-1", "e-delivered", "delivered", T0.AddHours(5)));

        Assert.Equal((8, 0), ((await RowAsync()).OnHand, (await RowAsync()).Reserved));
    }

    [Fact]
    public async Task Cancel_AnAllocatedOrder_ReturnsItsStockAtOnce()
    {
        await ReserveAsync("r-1");
        await CreateAsync("o-1", "r-1");
        await Grains.DeliverAsync(Paid("o-1", "e-paid", T0), Stage("o-1", "e-picked", "picked", T0.AddMinutes(5)));

        await Grains.DeliverAsync(Cancelled("o-1", "e-cancelled", T0.AddMinutes(6)));

        Assert.Equal("cancelled", (await ViewAsync("o-1")).Stage);
        var row = await RowAsync();
        Assert.Equal((10, 0, 10), (row.OnHand, row.Reserved, row.Available));
        Assert.Equal(ReservationStatus.Released, (await Reservation("r-1").Get())!.Status);
    }

    [Fact]
    public async Task Cancel_ASourcedOrder_ReleasesItsAllocation()
    {
        await Grains.StockAsync(East, Sku, 10);
        await AllocatedAsync("o-1");

        await Grains.DeliverAsync(Cancelled("o-1", "e-cancelled", T0.AddMinutes(6)));

        Assert.Equal(0, (await RowAsync()).Reserved);
        Assert.Equal(ReservationStatus.Released, (await Reservation("o-1").Get())!.Status);
    }

    [Fact]
    public async Task Cancel_BeforePayment_ReleasesTheHeldCheckoutReservation()
    {
        await ReserveAsync("r-1");
        await CreateAsync("o-1", "r-1");

        await Grains.DeliverAsync(Cancelled("o-1", "e-cancelled", T0.AddMinutes(1)));

        Assert.Equal(0, (await RowAsync()).Reserved);
        Assert.Equal(ReservationStatus.Released, (await Reservation("r-1").Get())!.Status);
    }

    [Fact]
    public async Task Cancel_AfterTheGoodsLeft_ReturnsNothing()
    {
        await Grains.StockAsync(East, Sku, 10);
        await AllocatedAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-scanned", "carrier_scanned", T0.AddMinutes(5)));

        await Grains.DeliverAsync(Cancelled("o-1", "e-cancelled", T0.AddMinutes(6)));

        Assert.Equal("cancelled", (await ViewAsync("o-1")).Stage);
        Assert.Equal((8, 0), ((await RowAsync()).OnHand, (await RowAsync()).Reserved));
        Assert.Equal(ReservationStatus.Confirmed, (await Reservation("o-1").Get())!.Status);
    }

    [Fact]
    public async Task Cancel_DeliveredTwice_ReleasesOnce()
    {
        await Grains.StockAsync(East, Sku, 10);
        await AllocatedAsync("o-1");
        var cancelled = Cancelled("o-1", "e-cancelled", T0.AddMinutes(6));

        await Grains.DeliverAsync(cancelled, cancelled, Cancelled("o-1", "e-cancelled-2", T0.AddMinutes(7)));

        Assert.Equal((10, 0), ((await RowAsync()).OnHand, (await RowAsync()).Reserved));
    }
}
