using Fulfillment.Contracts.Orders;
using Fulfillment.Grains.Tests.Support;
using Grains;
using Grains.Hosting;
using Grains.Streams;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Fulfillment.Grains.Tests.Support.OrderEvents;

namespace Fulfillment.Grains.Tests.Orders;

/// <summary>Order events appended to the log reach the order grains through their implicit subscription to the <c>orders</c> stream.</summary>
public sealed class OrderStreamTests : IAsyncLifetime
{
    private readonly SharedStores _shared = SharedStores.Create();
    private TestSilo _silo = null!;

    private IGrainFactory Grains => _silo.GrainFactory;

    private DateTimeOffset T0 => _shared.Time.GetUtcNow();

    public async Task InitializeAsync() =>
        _silo = await DomainSilo.StartAsync(
            _shared,
            configuration: new Dictionary<string, string?> { ["Sla:PickToPackStall"] = "00:00:05" },
            silo: builder =>
            {
                builder.UseInMemoryStreams();
                builder.Services.Configure<StreamsOptions>(o => o.MaxDeliveryAttempts = 1);
            });

    public Task DisposeAsync() => _silo.KillAsync();

    [Fact]
    public async Task AppendedEvents_AreAppliedInLogOrder_AndRepeatsOnce()
    {
        var picked = Stage("o-1", "e-picked", "picked", T0, carrier: "ups");
        await AppendAsync(Created("o-1", "e-created", T0, T0.AddDays(2)), picked, picked, Stage("o-1", "e-packed", "packed", T0.AddMinutes(3)));

        var view = await Eventually.Until(() => Grains.GetGrain<IOrderGrain>("o-1").Get(), v => v?.Stage == "packed");

        Assert.Equal((3L, 3.0), (view!.Version, view.PickToPackMinutes));
        Assert.Equal(["created", "picked", "packed"], view.Timeline.Select(e => e.Stage));
    }

    [Fact]
    public async Task StallThresholdFromConfiguration_FiresAfterSeconds()
    {
        await AppendAsync(Created("o-1", "e-created", T0, T0.AddDays(2)), Stage("o-1", "e-picked", "picked", T0));
        await Eventually.Until(() => Grains.GetGrain<IOrderGrain>("o-1").Get(), v => v?.Stage == "picked");

        _shared.Time.Advance(TimeSpan.FromSeconds(5));

        var alerts = await Eventually.Until(() => Grains.GetGrain<IOrderGrain>("o-1").GetAlerts(), a => a.Count == 1);
        Assert.Equal((AlertKinds.PickToPackStall, T0), (alerts[0].Kind, alerts[0].RaisedAt));
    }

    [Fact]
    public async Task EventTheOrderCannotRead_IsDeadLetteredWithTheReason()
    {
        await AppendAsync(Stage("o-1", "e-bad", "created", T0));

        var letters = await Eventually.Until(() => _silo.Services.GetRequiredService<IDeadLetterStore>().ListAsync(10), l => l.Count == 1);

        Assert.Equal(("order", "e-bad", typeof(InvalidDataException).FullName), (letters[0].GrainType, letters[0].Event.EventId, letters[0].ErrorType));
    }

    private Task AppendAsync(params StreamEvent[] events) =>
        _silo.Services.GetRequiredService<IStreamLog>().AppendAsync([.. events.Select(e => new StreamEventData(e.Namespace, e.Key, e.EventId, e.Body))]);
}
