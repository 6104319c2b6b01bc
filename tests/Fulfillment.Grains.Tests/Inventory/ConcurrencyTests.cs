using Fulfillment.Contracts.Inventory;
using Fulfillment.Contracts.Reservations;
using Fulfillment.Grains.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Grains;
using Grains.Testing;
using static Fulfillment.Grains.Tests.Support.Network;

namespace Fulfillment.Grains.Tests.Inventory;

public sealed class ConcurrencyTests : IAsyncLifetime
{
    private TestSilo _silo = null!;
    private int _scenarios;

    private IGrainFactory Grains => _silo.GrainFactory;

    public async Task InitializeAsync() => _silo = await DomainSilo.StartAsync();

    public Task DisposeAsync() => _silo.KillAsync();

    [Fact]
    public async Task Hold_ThousandConcurrentHoldsOnOneSku_ExactlyTheStockIsHeld()
    {
        var sku = Grains.Inventory(East, "SKU-HOT");
        await sku.SetLevels(new InventoryLevels(100, 0));
        var expiresAt = _silo.Time.GetUtcNow().AddMinutes(5);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 1_000).Select(i => sku.Hold(new StockHold($"r-{i}", 1, expiresAt))));

        Assert.Equal(100, outcomes.Count(o => o.Held));
        Assert.Equal(900, outcomes.Count(o => !o.Held));
        Assert.All(outcomes.Where(o => !o.Held), o => Assert.Equal(0, o.Available));
        var row = await sku.GetRow();
        Assert.Equal((100, 0), (row!.Reserved, row.Available));
    }

    [Fact]
    public async Task Place_ThousandConcurrentCartsForOneSku_AllBelievingInTheStock_ExactlyTheStockIsHeld()
    {
        await Grains.StockAsync(East, "SKU-CART", 100);

        // The view keeps showing all 100 (as if no push landed), so every cart plans on them and the holds decide.
        await Grains.Availability("SKU-CART").Publish(new InventoryRow(East, "SKU-CART", 100, 0, 0, 0, long.MaxValue, _silo.Time.GetUtcNow()));
        var cart = new ReservationRequest([new CartLine("SKU-CART", 1)], 300, "us-west");

        var results = await Task.WhenAll(Enumerable.Range(0, 1_000).Select(i => Grains.GetGrain<IReservationGrain>($"cart-{i}").Place(cart)));

        Assert.Equal(100, results.Count(r => r.Outcome == ReservationOutcome.Held));
        Assert.Equal(900, results.Count(r => r.Outcome == ReservationOutcome.Short));
        Assert.All(results.Where(r => r.Outcome == ReservationOutcome.Short), r => Assert.Equal([new ShortLine("SKU-CART", 1, 0)], r.ShortLines));
        Assert.Equal(100, (await Grains.Inventory(East, "SKU-CART").GetRow())!.Reserved);
    }

    /// <summary>
    /// Random stock and random holds, releases and confirms, all issued at once: whatever the interleaving, the stock
    /// held never exceeds on hand − safety stock, every answer agrees with that, and the holds left are exactly those
    /// the answers say are left.
    /// </summary>
    [Fact]
    public async Task RandomConcurrentOperations_NeverOversell_AndHeldQuantitiesMatch()
    {
        var operation = Gen.Frequency(
            (6, Gen.Choose(0, 11).Select(id => new Operation(OperationKind.Hold, id))),
            (2, Gen.Choose(0, 11).Select(id => new Operation(OperationKind.Release, id))),
            (2, Gen.Choose(0, 11).Select(id => new Operation(OperationKind.Confirm, id))));
        var scenarios =
            from onHand in Gen.Choose(0, 60)
            from safetyStock in Gen.Choose(0, 10)
            from quantities in Gen.ArrayOf(Gen.Choose(1, 12), 12)
            from operations in Gen.ListOf(operation, 40)
            select new Scenario(onHand, safetyStock, quantities, [.. operations]);

        // Run off the test framework's context: the property blocks on each scenario's grain calls.
        await Task.Run(() => Prop.ForAll(scenarios.ToArbitrary(), s => RunAsync(s).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(60)));
    }

    private async Task<bool> RunAsync(Scenario scenario)
    {
        var sku = Grains.Inventory(East, $"SKU-PROP-{Interlocked.Increment(ref _scenarios)}");
        await sku.SetLevels(new InventoryLevels(scenario.OnHand, scenario.SafetyStock));
        var capacity = Math.Max(0, scenario.OnHand - scenario.SafetyStock);
        var expiresAt = _silo.Time.GetUtcNow().AddHours(1);

        var calls = scenario.Operations.Select(async op =>
        {
            var id = $"r-{op.Reservation}";
            var quantity = scenario.Quantities[op.Reservation];
            return op.Kind switch
            {
                OperationKind.Hold => Answer.Of(op, await sku.Hold(new StockHold(id, quantity, expiresAt)), quantity),
                OperationKind.Release => new Answer(op, await sku.Release(id), 0),
                _ => new Answer(op, await sku.Confirm(id), 0),
            };
        }).ToList();
        var answers = await Task.WhenAll(calls);
        var final = await sku.GetRow();

        // Drain one reservation at a time: what is released now is what was left held.
        var left = new Dictionary<int, bool>();
        for (var reservation = 0; reservation < scenario.Quantities.Length; reservation++)
        {
            left[reservation] = await sku.Release($"r-{reservation}");
        }

        var drained = await sku.GetRow();
        var heldLeft = left.Where(p => p.Value).Sum(p => scenario.Quantities[p.Key]);
        return final!.Reserved <= capacity
            && final.Reserved == heldLeft
            && drained!.Reserved == 0 && drained.Available == capacity
            && answers.Where(a => a.Op.Kind == OperationKind.Hold).All(a => a.Ok ? a.Available <= capacity - a.Quantity : a.Available < a.Quantity)
            && left.All(p => !p.Value || answers.Any(a => a.Op.Kind == OperationKind.Hold && a.Op.Reservation == p.Key && a.Ok))
            && Enumerable.Range(0, scenario.Quantities.Length).All(r =>
                !answers.Any(a => a.Op.Kind == OperationKind.Hold && a.Op.Reservation == r && a.Ok)
                || answers.Any(a => a.Op.Kind == OperationKind.Release && a.Op.Reservation == r && a.Ok)
                || left[r]);
    }

    private enum OperationKind
    {
        Hold,
        Release,
        Confirm,
    }

    private sealed record Operation(OperationKind Kind, int Reservation);

    private sealed record Scenario(int OnHand, int SafetyStock, int[] Quantities, Operation[] Operations)
    {
        public override string ToString() =>
            $"onHand {OnHand}, safety {SafetyStock}, quantities [{string.Join(",", Quantities)}], ops [{string.Join(" ", Operations.Select(o => $"{o.Kind}:{o.Reservation}"))}]";
    }

    private sealed record Answer(Operation Op, bool Ok, int Available, int Quantity = 0)
    {
        public static Answer Of(Operation op, HoldOutcome outcome, int quantity) => new(op, outcome.Held, outcome.Available, quantity);
    }
}
