using Fulfillment.Bench.Ingest;
using Fulfillment.Contracts;
using Grains;
using Grains.Streams;

namespace Fulfillment.Bench.Grains;

/// <summary>
/// The ingest scenario's subscriber: one per order and per inventory position. It does what a light projection does —
/// counts events and bytes and checks that its key's events arrive in log order — and tells the probe when each
/// event was applied.
/// </summary>
[GrainType(TypeName)]
[ImplicitStreamSubscription(FulfillmentStreams.Orders)]
[ImplicitStreamSubscription(FulfillmentStreams.Inventory)]
public sealed class IngestProbeGrain(IngestProbe probe) : Grain, IStreamSubscriber
{
    public const string TypeName = "ingest-probe";

    private long _events;
    private long _bodyBytes;
    private long _lastSequenceNumber;

    public Task OnNextAsync(StreamEvent item)
    {
        // A key lives in one partition, whose sequence numbers only grow: anything else is a delivery-order bug.
        if (item.SequenceNumber <= _lastSequenceNumber)
        {
            probe.KeyOutOfOrder();
        }

        _lastSequenceNumber = item.SequenceNumber;
        _events++;
        _bodyBytes += item.Body.Length;
        probe.Applied(item.EventId);
        return Task.CompletedTask;
    }
}
