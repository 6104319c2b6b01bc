using System.Diagnostics.Metrics;
using Fulfillment.Contracts;

namespace Fulfillment.Grains.Diagnostics;

/// <summary>The instruments of the <c>Fulfillment.Orders</c> meter.</summary>
internal sealed class OrderMetrics
{
    private readonly Counter<long> _stageTransitions;
    private readonly Counter<long> _alertsRaised;
    private readonly Counter<long> _alertsResolved;

    public OrderMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(OrderInstrumentNames.Meter);
        _stageTransitions = meter.CreateCounter<long>(OrderInstrumentNames.StageTransitions, "{order}", "Orders entering a stage.");
        _alertsRaised = meter.CreateCounter<long>(OrderInstrumentNames.AlertsRaised, "{alert}", "SLA alerts raised.");
        _alertsResolved = meter.CreateCounter<long>(OrderInstrumentNames.AlertsResolved, "{alert}", "SLA alerts resolved.");
    }

    public void Entered(Stage stage) => _stageTransitions.Add(1, new KeyValuePair<string, object?>(OrderInstrumentNames.StageTag, stage.Name));

    public void Raised(string kind) => _alertsRaised.Add(1, new KeyValuePair<string, object?>(OrderInstrumentNames.KindTag, kind));

    public void Resolved(string kind) => _alertsResolved.Add(1, new KeyValuePair<string, object?>(OrderInstrumentNames.KindTag, kind));
}
