using System.Text;
using Fulfillment.Contracts;
using Fulfillment.Contracts.Inventory;
using Fulfillment.Grains.Tests.Support;
using Grains;
using Grains.Hosting;
using Grains.Streams;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Fulfillment.Grains.Tests.Support.Network;

namespace Fulfillment.Grains.Tests.Inventory;

public sealed class InventoryStreamTests : IAsyncLifetime
{
    private const string Sku = "SKU-1";
    private static readonly string Key = FulfillmentStreams.InventoryKey(East, Sku);

    private readonly SharedStores _shared = SharedStores.Create();
    private readonly List<TestSilo> _silos = [];
    private TestSilo _silo = null!;

    private IGrainFactory Grains => _silo.GrainFactory;

    private IStreamLog Log => _silo.Services.GetRequiredService<IStreamLog>();

    public async Task InitializeAsync() => _silo = await StartAsync(carryOver: null);

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.KillAsync();
        }
    }

    [Fact]
    public async Task ReceivedAndAdjusted_AreAppliedInOrder()
    {
        await AppendAsync(Received("e-1", 5), Adjusted("e-2", 20), Received("e-3", 3));

        var row = await Grains.RowWhen(East, Sku, r => r?.Version == 3);

        Assert.Equal((23, 0, 23), (row!.OnHand, row.Reserved, row.Available));
        await Grains.ViewShowsAsync(row);
    }

    [Fact]
    public async Task SameEvent_DeliveredAgain_IsAppliedOnce()
    {
        var received = Received("e-1", 5);
        await AppendAsync(received, Received("e-2", 1));
        var applied = await Grains.RowWhen(East, Sku, r => r?.Version == 2);
        var subscriber = Grains.GetGrain<IStreamSubscriber>(GrainId.Create("inventory", Key));

        await subscriber.OnNextAsync(new StreamEvent(0, 1, 0, DateTimeOffset.UnixEpoch, FulfillmentStreams.Inventory, Key, received.EventId, received.Body));
        await subscriber.OnNextAsync(new StreamEvent(0, 1, 0, DateTimeOffset.UnixEpoch, FulfillmentStreams.Inventory, Key, received.EventId, received.Body));

        Assert.Equal(applied, await Grains.Inventory(East, Sku).GetRow());
        Assert.Equal(6, applied!.OnHand);
    }

    [Fact]
    public async Task KilledBeforeCheckpoint_EventsRedeliveredToTheNextSilo_ChangeNothing()
    {
        await AppendAsync(Received("e-1", 5), Adjusted("e-2", 20), Received("e-3", 3));
        var applied = await Grains.RowWhen(East, Sku, r => r?.Version == 3);

        // No checkpoint was taken (the clock never moved): the next silo reads the partition from the start.
        var stores = StoresOf(_silo);
        await _silo.KillAsync();
        _silo = await StartAsync(carryOver: stores);
        await Eventually.Until(DeliveredAsync, delivered => delivered == 3);

        Assert.Equal(applied, await Grains.Inventory(East, Sku).GetRow());
    }

    [Fact]
    public async Task EventForAWarehouseOutsideTheNetwork_IsDeadLetteredAtOnceWithTheReason()
    {
        await AppendAsync(new StreamEventData(
            FulfillmentStreams.Inventory, "WH-MOON/SKU-1", "e-moon", Body(FulfillmentEventTypes.InventoryReceived, "WH-MOON", "quantity", 5)));

        var letters = await Eventually.Until(() => _silo.Services.GetRequiredService<IDeadLetterStore>().ListAsync(10), l => l.Count == 1);

        Assert.Equal(("inventory", "e-moon", typeof(InventoryRuleException).FullName), (letters[0].GrainType, letters[0].Event.EventId, letters[0].ErrorType));
        Assert.Contains("'WH-MOON' is not in the network", letters[0].ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, letters[0].Attempts);
    }

    private static (IStreamLog, ICheckpointStore, IDeadLetterStore) StoresOf(TestSilo silo) => (
        silo.Services.GetRequiredService<IStreamLog>(),
        silo.Services.GetRequiredService<ICheckpointStore>(),
        silo.Services.GetRequiredService<IDeadLetterStore>());

    private async Task<TestSilo> StartAsync((IStreamLog Log, ICheckpointStore Checkpoints, IDeadLetterStore DeadLetters)? carryOver)
    {
        var silo = await DomainSilo.StartAsync(
            _shared,
            silo: builder =>
            {
                builder.UseInMemoryStreams();
                builder.Services.Configure<StreamsOptions>(o => o.MaxDeliveryAttempts = 1);
            },
            services: services =>
            {
                if (carryOver is { } stores)
                {
                    services.AddSingleton(stores.Log);
                    services.AddSingleton(stores.Checkpoints);
                    services.AddSingleton(stores.DeadLetters);
                }
            });
        _silos.Add(silo);
        return silo;
    }

    private async Task<long> DeliveredAsync() =>
        (await _silo.Services.GetRequiredService<IStreamMonitor>().GetStatusAsync()).Sum(p => p.Delivered);

    private Task AppendAsync(params StreamEventData[] events) => Log.AppendAsync(events);

    private static StreamEventData Received(string id, int quantity) =>
        new(FulfillmentStreams.Inventory, Key, id, Body(FulfillmentEventTypes.InventoryReceived, East, "quantity", quantity));

    private static StreamEventData Adjusted(string id, int onHand) =>
        new(FulfillmentStreams.Inventory, Key, id, Body(FulfillmentEventTypes.InventoryAdjusted, East, "onHand", onHand));

    private static byte[] Body(string type, string warehouseId, string field, int value)
    {
        var data = $$"""{"warehouseId":"{{warehouseId}}","sku":"{{Sku}}","{{field}}":{{value}}}""";
        return Encoding.UTF8.GetBytes(
            $$"""{"specversion":"1.0","id":"x","source":"/wms/test","type":"{{type}}","subject":"{{warehouseId}}/{{Sku}}","time":"2026-01-01T00:00:00Z","data":""" + data + "}");
    }
}
