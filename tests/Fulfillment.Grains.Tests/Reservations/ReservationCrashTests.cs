using Fulfillment.Contracts.Reservations;
using Fulfillment.Grains.Tests.Support;
using Grains.Storage;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Fulfillment.Grains.Tests.Support.Network;

namespace Fulfillment.Grains.Tests.Reservations;

public sealed class ReservationCrashTests : IAsyncLifetime
{
    private readonly SharedStores _shared = SharedStores.Create();
    private readonly Signals _signals = new();
    private readonly List<TestSilo> _silos = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.KillAsync();
        }
    }

    [Fact]
    public async Task KilledWithSomePartsHeld_NothingIsRecorded_AndTheHoldsExpireOnTheNextSilo()
    {
        var gated = new GatedStorage(_shared.Storage, _signals);
        var first = await StartAsync(s => s.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Default, gated));
        await first.GrainFactory.StockAsync(East, "SKU-1", 5);
        await first.GrainFactory.StockAsync(West, "SKU-2", 5);
        var cart = new ReservationRequest([new CartLine("SKU-1", 2), new CartLine("SKU-2", 3)], 60, "us-east");

        // WH-EAST's hold becomes durable; WH-WEST's write is still on its way to storage when the process dies.
        gated.Hold("WH-WEST/SKU-2");
        var placing = first.GrainFactory.GetGrain<IReservationGrain>("r-1").Place(cart);
        await _signals.WaitFor("written:WH-EAST/SKU-1", 2);
        await _signals.WaitFor("write-held:WH-WEST/SKU-2");
        await first.KillAsync();
        gated.Crash();
        _ = placing.ContinueWith(t => t.Exception, TaskScheduler.Default);

        var next = await StartAsync();
        var grains = next.GrainFactory;
        Assert.Null(await grains.GetGrain<IReservationGrain>("r-1").Get());
        Assert.Equal(2, (await grains.Inventory(East, "SKU-1").GetRow())!.Reserved);
        Assert.Equal(0, (await grains.Inventory(West, "SKU-2").GetRow())!.Reserved);

        _shared.Time.Advance(TimeSpan.FromSeconds(60));
        var east = await grains.RowWhen(East, "SKU-1", r => r!.Reserved == 0);

        Assert.Equal(5, east!.Available);
        var retried = await grains.GetGrain<IReservationGrain>("r-1").Place(cart);
        Assert.Equal(ReservationOutcome.Held, retried.Outcome);
    }

    private async Task<TestSilo> StartAsync(Action<IServiceCollection>? services = null)
    {
        var silo = await DomainSilo.StartAsync(_shared, services: services);
        _silos.Add(silo);
        return silo;
    }
}
