using Fulfillment.Contracts.Events;
using Fulfillment.Contracts.Inventory;
using Fulfillment.Contracts.Orders;
using Fulfillment.Contracts.Reservations;
using Fulfillment.Grains.Changes;
using Fulfillment.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Fulfillment.Grains.Tests.Support.Network;

namespace Fulfillment.Grains.Tests.Orders;

/// <summary>Order suites: a silo whose order changes are recorded, a fixed start instant, and shorthands for orders and stock.</summary>
public abstract class OrderTestBase : DomainTestBase
{
    protected const string Sku = "SKU-1";

    protected RecordingChangeSink Sink { get; } = new();

    /// <summary>The clock at the start of the test: event times are given relative to it.</summary>
    protected DateTimeOffset T0 { get; private set; }

    /// <summary>The promise of the orders the suites create: three days after <see cref="T0"/>.</summary>
    protected DateTimeOffset Promise => T0.AddDays(3);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        T0 = Now;
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IOrderChangeSink>(Sink);

    protected IOrderGrain Order(string orderId) => Grains.GetGrain<IOrderGrain>(orderId);

    protected async Task<OrderView> ViewAsync(string orderId) =>
        await Order(orderId).Get() ?? throw new InvalidOperationException($"Order {orderId} does not exist.");

    protected static OrderRequest Request(string? reservationId = null, int quantity = 2) =>
        new(OrderEvents.Customer, [new OrderLine(Sku, quantity)], "us-east", default, reservationId);

    protected Task<OrderCreation> CreateAsync(string orderId, string? reservationId = null, int quantity = 2) =>
        Order(orderId).Create(Request(reservationId, quantity) with { PromisedDeliveryAt = Promise });

    /// <summary>Stocks WH-EAST with <paramref name="onHand"/> of the SKU and holds a checkout reservation of 2 there.</summary>
    protected async Task<string> ReserveAsync(string reservationId = "r-1", int onHand = 10)
    {
        await Grains.StockAsync(East, Sku, onHand);
        var placed = await Grains.GetGrain<IReservationGrain>(reservationId).Place(new ReservationRequest([new CartLine(Sku, 2)], 900, "us-east"));
        Assert.Equal(ReservationOutcome.Held, placed.Outcome);
        return reservationId;
    }

    /// <summary>Creates an order without a reservation and pays for it: it is sourced from the stock there is and ends allocated.</summary>
    protected async Task AllocatedAsync(string orderId, DateTimeOffset? promise = null)
    {
        await Order(orderId).Create(Request() with { PromisedDeliveryAt = promise ?? Promise });
        await Grains.DeliverAsync(OrderEvents.Paid(orderId, $"paid-{orderId}", T0));
        Assert.Equal("allocated", (await ViewAsync(orderId)).Stage);
    }

    protected async Task<InventoryRow> RowAsync(string warehouseId = East, string sku = Sku) =>
        await Grains.Inventory(warehouseId, sku).GetRow() ?? throw new InvalidOperationException($"{warehouseId}/{sku} was never stocked.");

    protected static IEnumerable<(string Stage, DateTimeOffset At, string? EventId)> Timeline(OrderView view) =>
        view.Timeline.Select(e => (e.Stage, e.At, e.EventId));
}
