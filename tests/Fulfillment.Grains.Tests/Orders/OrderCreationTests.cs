using Fulfillment.Contracts.Events;
using Fulfillment.Contracts.Orders;
using Fulfillment.Grains.Tests.Support;
using Grains.Streams;

namespace Fulfillment.Grains.Tests.Orders;

public abstract class OrderCreationTests : OrderTestBase
{
    [Fact]
    public async Task Get_NeverCreated_IsNull_AndHasNoAlerts()
    {
        Assert.Null(await Order("o-1").Get());
        Assert.Empty(await Order("o-1").GetAlerts());
    }

    [Fact]
    public async Task Create_ReturnsTheOrderAtCreated_AndTheSameIdAgainReturnsItUnchanged()
    {
        var first = await CreateAsync("o-1", "r-1");
        Time.Advance(TimeSpan.FromMinutes(1));
        var again = await Order("o-1").Create(Request(quantity: 7) with { PromisedDeliveryAt = Promise.AddDays(1) });

        Assert.True(first.Created);
        Assert.False(again.Created);
        var view = await ViewAsync("o-1");
        Assert.Equal(
            ("o-1", OrderEvents.Customer, "created", (string?)null, (string?)null, (string?)null, Promise, SlaStatuses.OnTrack, 1L, T0, T0, "us-east", "r-1"),
            (view.OrderId, view.CustomerId, view.Stage, view.WarehouseId, view.Carrier, view.TrackingNumber, view.PromisedDeliveryAt, view.SlaStatus,
             view.Version, view.CreatedAt, view.UpdatedAt, view.DestinationRegion, view.ReservationId));
        Assert.Equal([new OrderLine(Sku, 2)], view.Lines);
        Assert.Equal([("created", T0, (string?)null)], Timeline(view));
        Assert.Equal((null, null, null), (view.PickToPackMinutes, view.LabelToScanMinutes, view.AllocationIssue));
        Assert.Equal((1L, 2), (again.Order.Version, again.Order.Lines[0].Quantity));
    }

    [Theory]
    [InlineData("customer", "customerId is empty; it is required.")]
    [InlineData("region", "destinationRegion is empty; it is required.")]
    [InlineData("no-lines", "lines is empty; an order needs at least one line.")]
    [InlineData("sku", "lines[0].sku is empty; every line names a SKU.")]
    [InlineData("quantity", "lines[0].quantity is 0; it must be at least 1.")]
    [InlineData("promise", "promisedDeliveryAt is missing; an order needs a promised delivery time.")]
    [InlineData("reservation", "reservationId is blank; leave it out or name the reservation.")]
    public async Task Create_BadRequest_ThrowsNamingTheField_AndCreatesNothing(string fault, string message)
    {
        var valid = Request() with { PromisedDeliveryAt = Promise };
        var request = fault switch
        {
            "customer" => valid with { CustomerId = " " },
            "region" => valid with { DestinationRegion = "" },
            "no-lines" => valid with { Lines = [] },
            "sku" => valid with { Lines = [new OrderLine("", 1)] },
            "quantity" => valid with { Lines = [new OrderLine(Sku, 0)] },
            "promise" => valid with { PromisedDeliveryAt = default },
            _ => valid with { ReservationId = " " },
        };

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Order("o-1").Create(request));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Null(await Order("o-1").Get());
    }

    [Fact]
    public async Task CreatedEvent_CreatesTheOrderAtItsEventTime()
    {
        var at = T0.AddMinutes(-3);

        await Grains.DeliverAsync(OrderEvents.Created("o-1", "e-created", at, Promise, "r-9", ("SKU-1", 1), ("SKU-2", 4)));

        var view = await ViewAsync("o-1");
        Assert.Equal(("created", at, "r-9", 1L, T0), (view.Stage, view.CreatedAt, view.ReservationId, view.Version, view.UpdatedAt));
        Assert.Equal([new OrderLine("SKU-1", 1), new OrderLine("SKU-2", 4)], view.Lines);
        Assert.Equal([("created", at, (string?)"e-created")], Timeline(view));
    }

    [Fact]
    public async Task CreatedEvent_AfterADirectCreate_ChangesNothingTheReadersSee()
    {
        await CreateAsync("o-1");

        await Grains.DeliverAsync(OrderEvents.Created("o-1", "e-created", T0.AddMinutes(1), Promise.AddDays(2)));

        var view = await ViewAsync("o-1");
        Assert.Equal((1L, Promise), (view.Version, view.PromisedDeliveryAt));
        Assert.Single(view.Timeline);
        Assert.Single(Sink.Of("o-1"));
    }

    [Fact]
    public async Task EventsBeforeTheCreation_AreKeptUnseen_AndShowOnceCreated()
    {
        await Grains.DeliverAsync(OrderEvents.Stage("o-1", "e-picked", "picked", T0.AddMinutes(5)));

        Assert.Null(await Order("o-1").Get());
        Assert.Empty(Sink.Of("o-1"));
        await Grains.DeliverAsync(OrderEvents.Created("o-1", "e-created", T0, Promise));

        var view = await ViewAsync("o-1");
        Assert.Equal(("picked", Network.East), (view.Stage, view.WarehouseId));
        Assert.Equal([("created", T0, (string?)"e-created"), ("picked", T0.AddMinutes(5), "e-picked")], Timeline(view));
    }

    [Fact]
    public async Task EventForAnotherOrder_IsRejectedAsInvalidData()
    {
        var other = OrderEvents.Paid("o-2", "e-1", T0);
        var misdelivered = new StreamEvent(0, 1, 0, T0, other.Namespace, "o-1", other.EventId, other.Body);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Grains.DeliverAsync(misdelivered));

        Assert.Equal("Event e-1 is for order o-2 but was delivered to order o-1.", error.Message);
    }
}
