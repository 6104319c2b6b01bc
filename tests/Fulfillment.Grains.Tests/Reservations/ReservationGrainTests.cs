using Fulfillment.Contracts.Inventory;
using Fulfillment.Contracts.Reservations;
using Fulfillment.Grains.Tests.Support;
using static Fulfillment.Grains.Tests.Support.Network;

namespace Fulfillment.Grains.Tests.Reservations;

public abstract class ReservationGrainTests : DomainTestBase
{
    [Fact]
    public async Task Place_EveryLineAvailable_HeldFromTheOneWarehouseThatShipsItAll()
    {
        await Grains.StockAsync(East, "SKU-1", 10);
        await Grains.StockAsync(West, "SKU-1", 10);
        await Grains.StockAsync(East, "SKU-2", 5);
        var placedAt = Now;

        var result = await Reservation("r-1").Place(Cart(("SKU-1", 2), ("SKU-2", 1)));

        Assert.Equal((ReservationOutcome.Held, 0), (result.Outcome, result.ShortLines.Count));
        AssertView(result.Reservation, "r-1", ReservationStatus.Held, placedAt.AddSeconds(120), placedAt, null, ("SKU-1", 2, East), ("SKU-2", 1, East));
        AssertView(await Reservation("r-1").Get(), "r-1", ReservationStatus.Held, placedAt.AddSeconds(120), placedAt, null, ("SKU-1", 2, East), ("SKU-2", 1, East));
        Assert.Equal(new[] { 2, 1, 0 }, await ReservedAsync((East, "SKU-1"), (East, "SKU-2"), (West, "SKU-1")));
    }

    [Fact]
    public async Task Place_LineNoWarehouseHasWhole_HoldsAPartInEach()
    {
        await Grains.StockAsync(East, "SKU-1", 5);
        await Grains.StockAsync(West, "SKU-1", 5);

        var result = await Reservation("r-1").Place(Cart(("SKU-1", 8)));

        AssertView(result.Reservation, "r-1", ReservationStatus.Held, Now.AddSeconds(120), Now, null, ("SKU-1", 5, East), ("SKU-1", 3, West));
        Assert.Equal(new[] { 5, 3 }, await ReservedAsync((East, "SKU-1"), (West, "SKU-1")));
    }

    [Fact]
    public async Task Place_ALineTheNetworkLacks_HoldsNothing_AndNamesTheShortLine()
    {
        await Grains.StockAsync(East, "SKU-1", 10);
        await Grains.StockAsync(West, "SKU-2", 1);

        var result = await Reservation("r-1").Place(Cart(("SKU-1", 2), ("SKU-2", 3)));

        Assert.Equal((ReservationOutcome.Short, null), (result.Outcome, result.Reservation));
        Assert.Equal([new ShortLine("SKU-2", 3, 1)], result.ShortLines);
        Assert.Equal(new[] { 0, 0 }, await ReservedAsync((East, "SKU-1"), (West, "SKU-2")));
        Assert.Null(await Reservation("r-1").Get());
    }

    [Fact]
    public async Task Place_AHoldRefused_ReleasesThePartsAlreadyHeld_AndNothingStaysHeld()
    {
        await Grains.StockAsync(East, "SKU-1", 10);
        await Grains.StockAsync(East, "SKU-2", 0);

        // The view still shows stock another cart has just taken (its push has not landed yet).
        await Grains.Availability("SKU-2").Publish(new InventoryRow(East, "SKU-2", 5, 0, 0, 0, 1_000, Now));
        var result = await Reservation("r-1").Place(Cart(("SKU-1", 2), ("SKU-2", 1)));

        Assert.Equal(ReservationOutcome.Short, result.Outcome);
        Assert.Equal([new ShortLine("SKU-2", 1, 0)], result.ShortLines);
        var sku1 = await Grains.Inventory(East, "SKU-1").GetRow();
        Assert.Equal((0, 3L), (sku1!.Reserved, sku1.Version));
        Assert.Null(await Reservation("r-1").Get());
    }

    [Fact]
    public async Task Place_RaceLostForTheNearestWarehouse_ReplansFromTheInventory_AndHoldsElsewhere()
    {
        await Grains.StockAsync(East, "SKU-1", 0);
        await Grains.StockAsync(West, "SKU-1", 5);
        await Grains.Availability("SKU-1").Publish(new InventoryRow(East, "SKU-1", 5, 0, 0, 0, 1_000, Now));

        var result = await Reservation("r-1").Place(Cart(("SKU-1", 3)));

        Assert.Equal(ReservationOutcome.Held, result.Outcome);
        AssertView(result.Reservation, "r-1", ReservationStatus.Held, Now.AddSeconds(120), Now, null, ("SKU-1", 3, West));
        Assert.Equal(new[] { 0, 3 }, await ReservedAsync((East, "SKU-1"), (West, "SKU-1")));
    }

    [Fact]
    public async Task Place_SameIdAgain_SameOutcome_HoldsNothingTwice()
    {
        await Grains.StockAsync(East, "SKU-1", 10);
        var first = await Reservation("r-1").Place(Cart(("SKU-1", 2)));
        var version = (await Grains.Inventory(East, "SKU-1").GetRow())!.Version;

        Time.Advance(TimeSpan.FromSeconds(10));
        var second = await Reservation("r-1").Place(Cart(("SKU-1", 2)));

        Assert.Equal(ReservationOutcome.Held, second.Outcome);
        AssertView(second.Reservation, "r-1", ReservationStatus.Held, first.Reservation!.ExpiresAt, first.Reservation.CreatedAt, null, ("SKU-1", 2, East));
        var row = await Grains.Inventory(East, "SKU-1").GetRow();
        Assert.Equal((2, version), (row!.Reserved, row.Version));
    }

    [Fact]
    public async Task Place_SameIdManyTimesAtOnce_HoldsOnce()
    {
        await Grains.StockAsync(East, "SKU-1", 10);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Reservation("r-1").Place(Cart(("SKU-1", 2)))));

        Assert.All(results, r => Assert.Equal(ReservationOutcome.Held, r.Outcome));
        Assert.Equal(new[] { 2 }, await ReservedAsync((East, "SKU-1")));
    }

    [Fact]
    public async Task Place_SameIdForOtherLines_IsAConflict()
    {
        await Grains.StockAsync(East, "SKU-1", 10);
        await Reservation("r-1").Place(Cart(("SKU-1", 2)));

        var result = await Reservation("r-1").Place(Cart(("SKU-1", 3)));

        Assert.Equal(ReservationOutcome.Conflict, result.Outcome);
        Assert.Equal("Reservation 'r-1' already exists for other lines.", result.Detail);
        Assert.Equal(new[] { 2 }, await ReservedAsync((East, "SKU-1")));
    }

    [Fact]
    public async Task Place_SameIdWithLinesInAnotherOrder_IsTheSameReservation()
    {
        await Grains.StockAsync(East, "SKU-1", 10);
        await Grains.StockAsync(East, "SKU-2", 10);
        await Reservation("r-1").Place(Cart(("SKU-1", 2), ("SKU-2", 1)));

        var again = await Reservation("r-1").Place(Cart(("SKU-2", 1), ("SKU-1", 1), ("SKU-1", 1)));

        Assert.Equal(ReservationOutcome.Held, again.Outcome);
        Assert.Equal(new[] { 2, 1 }, await ReservedAsync((East, "SKU-1"), (East, "SKU-2")));
    }

    [Fact]
    public async Task Place_ShortThenRestocked_SameIdHolds()
    {
        await Grains.StockAsync(East, "SKU-1", 1);
        Assert.Equal(ReservationOutcome.Short, (await Reservation("r-1").Place(Cart(("SKU-1", 2)))).Outcome);

        await Grains.StockAsync(East, "SKU-1", 5);

        Assert.Equal(ReservationOutcome.Held, (await Reservation("r-1").Place(Cart(("SKU-1", 2)))).Outcome);
        Assert.Equal(new[] { 2 }, await ReservedAsync((East, "SKU-1")));
    }

    [Fact]
    public async Task Place_InvalidRequest_IsRejected_AndRecordsNothing()
    {
        var reservation = Reservation("r-1");

        await AssertRejected(reservation, new ReservationRequest([], 120, "us-east"), "lines is empty; a reservation needs at least one line.");
        await AssertRejected(reservation, Cart(("SKU-1", 0)), "lines[0].quantity is 0; it must be at least 1.");
        await AssertRejected(reservation, Cart(("SKU-1", 1), (" ", 1)), "lines[1].sku is empty; every line names a SKU.");
        await AssertRejected(reservation, Cart(29, "us-east", ("SKU-1", 1)), "ttlSeconds is 29; it must be between 30 and 14400.");
        await AssertRejected(reservation, Cart(14_401, "us-east", ("SKU-1", 1)), "ttlSeconds is 14401; it must be between 30 and 14400.");
        Assert.Null(await reservation.Get());
    }

    [Fact]
    public async Task Confirm_Held_IsConfirmed_WithoutExpiry_AndTheStockStaysAllocated()
    {
        await Grains.StockAsync(East, "SKU-1", 10);
        var placedAt = Now;
        await Reservation("r-1").Place(Cart(60, "us-east", ("SKU-1", 2)));

        var result = await Reservation("r-1").Confirm("o-1");
        Time.Advance(TimeSpan.FromSeconds(61));
        await Eventually.Until(() => Shared.Reminders.ReadAllAsync(global::Grains.GrainId.Create("inventory", "WH-EAST/SKU-1")), r => r.Count == 0);

        Assert.Equal(ReservationOutcome.Confirmed, result.Outcome);
        AssertView(result.Reservation, "r-1", ReservationStatus.Confirmed, null, placedAt, "o-1", ("SKU-1", 2, East));
        AssertView(await Reservation("r-1").Get(), "r-1", ReservationStatus.Confirmed, null, placedAt, "o-1", ("SKU-1", 2, East));
        Assert.Equal(new[] { 2 }, await ReservedAsync((East, "SKU-1")));
        Assert.True(await Grains.Inventory(East, "SKU-1").Ship("r-1"));
    }

    [Fact]
    public async Task Confirm_SameOrderAgain_IsConfirmed_AnotherOrder_IsAConflict()
    {
        await Grains.StockAsync(East, "SKU-1", 10);
        await Reservation("r-1").Place(Cart(("SKU-1", 2)));
        await Reservation("r-1").Confirm("o-1");

        var again = await Reservation("r-1").Confirm("o-1");
        var other = await Reservation("r-1").Confirm("o-2");

        Assert.Equal(ReservationOutcome.Confirmed, again.Outcome);
        Assert.Equal((ReservationOutcome.Conflict, "Reservation 'r-1' is confirmed for order 'o-1'."), (other.Outcome, other.Detail));
        Assert.Equal("o-1", (await Reservation("r-1").Get())!.OrderId);
    }

    [Fact]
    public async Task Confirm_AfterTheTtl_IsExpired_AndTheStockHasReturned()
    {
        await Grains.StockAsync(East, "SKU-1", 10);
        await Reservation("r-1").Place(Cart(60, "us-east", ("SKU-1", 2)));

        Time.Advance(TimeSpan.FromSeconds(60));
        await Grains.RowWhen(East, "SKU-1", r => r!.Reserved == 0);

        Assert.Equal(ReservationStatus.Expired, (await Reservation("r-1").Get())!.Status);
        Assert.Equal(ReservationOutcome.Expired, (await Reservation("r-1").Confirm("o-1")).Outcome);
        Assert.Equal(ReservationStatus.Expired, (await Reservation("r-1").Get())!.Status);
    }

    [Fact]
    public async Task Release_Held_ReturnsTheStockAtOnce_AndIsIdempotent()
    {
        await Grains.StockAsync(East, "SKU-1", 5);
        await Grains.StockAsync(West, "SKU-1", 5);
        await Reservation("r-1").Place(Cart(("SKU-1", 8)));

        var released = await Reservation("r-1").Release();
        var again = await Reservation("r-1").Release();

        Assert.Equal((ReservationOutcome.Released, ReservationStatus.Released), (released.Outcome, released.Reservation!.Status));
        Assert.Equal(ReservationOutcome.Released, again.Outcome);
        Assert.Equal(new[] { 0, 0 }, await ReservedAsync((East, "SKU-1"), (West, "SKU-1")));
        Assert.Equal((ReservationOutcome.Conflict, "Reservation 'r-1' was released."), ((await Reservation("r-1").Confirm("o-1")).Outcome, (await Reservation("r-1").Confirm("o-1")).Detail));
    }

    [Fact]
    public async Task Release_Confirmed_ReturnsTheAllocation()
    {
        await Grains.StockAsync(East, "SKU-1", 5);
        await Reservation("r-1").Place(Cart(("SKU-1", 2)));
        await Reservation("r-1").Confirm("o-1");

        var released = await Reservation("r-1").Release();

        Assert.Equal(ReservationOutcome.Released, released.Outcome);
        Assert.Equal(new[] { 0 }, await ReservedAsync((East, "SKU-1")));
    }

    [Fact]
    public async Task UnknownReservation_IsNotFound()
    {
        Assert.Equal(ReservationOutcome.NotFound, (await Reservation("r-none").Confirm("o-1")).Outcome);
        Assert.Equal(ReservationOutcome.NotFound, (await Reservation("r-none").Release()).Outcome);
        Assert.Null(await Reservation("r-none").Get());
    }

    [Fact]
    public async Task Reservation_SurvivesKillAndRestart()
    {
        await Grains.StockAsync(East, "SKU-1", 10);
        var placed = await Reservation("r-1").Place(Cart(("SKU-1", 2)));

        await RestartAsync();

        AssertView(await Reservation("r-1").Get(), "r-1", ReservationStatus.Held, placed.Reservation!.ExpiresAt, placed.Reservation.CreatedAt, null, ("SKU-1", 2, East));
        Assert.Equal(ReservationOutcome.Confirmed, (await Reservation("r-1").Confirm("o-1")).Outcome);
        Assert.Equal(new[] { 2 }, await ReservedAsync((East, "SKU-1")));
    }

    private IReservationGrain Reservation(string id) => Grains.GetGrain<IReservationGrain>(id);

    private static ReservationRequest Cart(params (string Sku, int Quantity)[] lines) => Cart(120, "us-east", lines);

    private static ReservationRequest Cart(int ttlSeconds, string? region, params (string Sku, int Quantity)[] lines) =>
        new([.. lines.Select(l => new CartLine(l.Sku, l.Quantity))], ttlSeconds, region);

    private async Task<int[]> ReservedAsync(params (string WarehouseId, string Sku)[] positions) =>
        await Task.WhenAll(positions.Select(async p => (await Grains.Inventory(p.WarehouseId, p.Sku).GetRow())?.Reserved ?? 0));

    private static async Task AssertRejected(IReservationGrain reservation, ReservationRequest request, string message)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => reservation.Place(request));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private static void AssertView(
        ReservationView? view, string id, ReservationStatus status, DateTimeOffset? expiresAt, DateTimeOffset createdAt, string? orderId,
        params (string Sku, int Quantity, string WarehouseId)[] lines)
    {
        Assert.NotNull(view);
        Assert.Equal((id, status, expiresAt, createdAt, orderId), (view.ReservationId, view.Status, view.ExpiresAt, view.CreatedAt, view.OrderId));
        Assert.Equal(lines.Select(l => new ReservedLine(l.Sku, l.Quantity, l.WarehouseId)), view.Lines);
    }
}
