using System.Diagnostics.Metrics;

namespace Fulfillment.Api.Diagnostics;

/// <summary>Ingestion instruments of the <c>Fulfillment.Api</c> meter.</summary>
internal sealed class IngestionMetrics
{
    private readonly Counter<long> _requests;
    private readonly Counter<long> _events;
    private readonly Histogram<double> _appendDuration;

    public IngestionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ApiInstrumentNames.Meter);
        _requests = meter.CreateCounter<long>(ApiInstrumentNames.IngestRequests, "{request}", "Ingestion requests by outcome.");
        _events = meter.CreateCounter<long>(ApiInstrumentNames.IngestEvents, "{event}", "Ingested events by outcome.");
        _appendDuration = meter.CreateHistogram<double>(ApiInstrumentNames.IngestAppendDuration, "s", "Time to durably append one batch.");
    }

    public void Accepted(int appended, int duplicates, TimeSpan appendDuration)
    {
        _requests.Add(1, new KeyValuePair<string, object?>("outcome", "accepted"));
        _events.Add(appended, new KeyValuePair<string, object?>("outcome", "appended"));
        if (duplicates > 0)
        {
            _events.Add(duplicates, new KeyValuePair<string, object?>("outcome", "duplicate"));
        }

        _appendDuration.Record(appendDuration.TotalSeconds);
    }

    public void Refused(string outcome, int events)
    {
        _requests.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (events > 0)
        {
            _events.Add(events, new KeyValuePair<string, object?>("outcome", "rejected"));
        }
    }
}
