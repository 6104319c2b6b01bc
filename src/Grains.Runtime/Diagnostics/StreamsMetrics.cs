using System.Diagnostics.Metrics;
using Grains.Streams;

namespace Grains.Runtime.Diagnostics;

/// <summary>Instruments of the stream agents. Lag and checkpoint age are observed per partition from the agents' last view.</summary>
internal sealed class StreamsMetrics
{
    private readonly Counter<long> _delivered;
    private readonly Histogram<double> _deliveryLatency;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deadLetters;
    private Func<IReadOnlyList<StreamPartitionStatus>>? _status;

    public StreamsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(StreamsInstrumentNames.MeterName);
        _delivered = meter.CreateCounter<long>(StreamsInstrumentNames.EventsDelivered, "{event}", "Events delivered to every subscriber grain.");
        _deliveryLatency = meter.CreateHistogram<double>(StreamsInstrumentNames.DeliveryLatency, "ms", "Time from an event's enqueue in the log to its delivery.");
        _retries = meter.CreateCounter<long>(StreamsInstrumentNames.DeliveryRetries, "{attempt}", "Deliveries retried after a subscriber threw.");
        _deadLetters = meter.CreateCounter<long>(StreamsInstrumentNames.DeadLetters, "{event}", "Events dead-lettered after every retry failed.");
        meter.CreateObservableGauge(StreamsInstrumentNames.LagEvents, () => Observe(s => s.LagEvents), "{event}", "Events appended to a partition and not yet delivered.");
        meter.CreateObservableGauge(StreamsInstrumentNames.LagSeconds, () => Observe(s => s.LagSeconds), "s", "Age of the oldest event of a partition not yet delivered.");
        meter.CreateObservableGauge(StreamsInstrumentNames.CheckpointAge, () => Observe(s => s.CheckpointAgeSeconds ?? 0), "s", "Time since a partition was last checkpointed.");
    }

    public void ObserveStatus(Func<IReadOnlyList<StreamPartitionStatus>> status) => _status = status;

    public void Delivered(TimeSpan latency)
    {
        _delivered.Add(1);
        if (_deliveryLatency.Enabled)
        {
            _deliveryLatency.Record(latency.TotalMilliseconds);
        }
    }

    public void Retried() => _retries.Add(1);

    public void DeadLettered() => _deadLetters.Add(1);

    private IEnumerable<Measurement<double>> Observe(Func<StreamPartitionStatus, double> value) =>
        (_status?.Invoke() ?? []).Select(s => new Measurement<double>(value(s), new KeyValuePair<string, object?>("partition", s.Partition)));
}
