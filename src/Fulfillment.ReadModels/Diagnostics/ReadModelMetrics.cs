using System.Diagnostics.Metrics;
using Fulfillment.ReadModels.Projection;

namespace Fulfillment.ReadModels.Diagnostics;

/// <summary>The instruments of the <c>Fulfillment.ReadModels</c> meter.</summary>
internal sealed class ReadModelMetrics
{
    private readonly Counter<long> _ordersProjected;
    private readonly Histogram<double> _lag;
    private readonly Counter<long> _writeFailures;

    public ReadModelMetrics(IMeterFactory meterFactory, ProjectionQueue queue)
    {
        var meter = meterFactory.Create(ReadModelInstrumentNames.Meter);
        _ordersProjected = meter.CreateCounter<long>(ReadModelInstrumentNames.OrdersProjected, "{order}", "Order changes written to the read model.");
        _lag = meter.CreateHistogram<double>(ReadModelInstrumentNames.ProjectionLag, "s", "From an order's hand-off of a change to its commit in the read model.");
        _writeFailures = meter.CreateCounter<long>(ReadModelInstrumentNames.WriteFailures, "{transaction}", "Read-model write transactions that failed and were retried.");
        meter.CreateObservableGauge(ReadModelInstrumentNames.QueueDepth, () => queue.Depth, "{change}", "Changes waiting for the projector.");
        meter.CreateObservableGauge(ReadModelInstrumentNames.MarkedOrders, () => queue.Marks.Count, "{order}", "Orders marked as possibly not fully projected.");
    }

    public void Projected(int orders) => _ordersProjected.Add(orders);

    public void Lag(TimeSpan lag) => _lag.Record(lag.TotalSeconds);

    public void WriteFailed() => _writeFailures.Add(1);
}
