using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Fulfillment.Api.Diagnostics;
using Fulfillment.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Api.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Ingestion_CountsRequestsAndEventsByOutcome()
    {
        await using var host = await ApiHost.StartAsync();
        var scope = host.Services.GetRequiredService<IMeterFactory>();
        var measured = new ConcurrentQueue<(string Instrument, string Outcome, long Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this host's meter: other tests run hosts with meters of the same name.
            if (instrument.Meter.Name == ApiInstrumentNames.Meter && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measured.Enqueue((instrument.Name, (string)tags.ToArray().Single(t => t.Key == "outcome").Value!, value)));
        listener.Start();

        await JsonBody.ReadAsync(await host.PostEventsAsync(CloudEvents.Batch(CloudEvents.OrderCreated("o-1"), CloudEvents.OrderCreated("o-1"), CloudEvents.OrderCreated("o-2"))), HttpStatusCode.Accepted);
        await host.PostEventsAsync("[]");
        await host.PostEventsAsync(CloudEvents.Batch(CloudEvents.OrderCreated("o-3"), CloudEvents.Adjusted("W", "S", -1)));

        Assert.Equal(
            [
                (ApiInstrumentNames.IngestEvents, "appended", 2L),
                (ApiInstrumentNames.IngestEvents, "duplicate", 1L),
                (ApiInstrumentNames.IngestEvents, "rejected", 2L),
                (ApiInstrumentNames.IngestRequests, "accepted", 1L),
                (ApiInstrumentNames.IngestRequests, "empty", 1L),
                (ApiInstrumentNames.IngestRequests, "invalid", 1L),
            ],
            measured.Order());
    }
}
