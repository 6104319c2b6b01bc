using System.Diagnostics.Metrics;

namespace Grains.PostgreSql;

/// <summary>The instruments of the PostgreSQL providers. One instance serves every database opened through the same owner.</summary>
internal sealed class PostgreSqlMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public PostgreSqlMetrics(IMeterFactory? meterFactory)
    {
        // A factory's meters live as long as the factory; a meter created here is ours to dispose.
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(PostgreSqlInstrumentNames.MeterName) ?? new Meter(PostgreSqlInstrumentNames.MeterName);
        BatchSize = _meter.CreateHistogram<int>(
            PostgreSqlInstrumentNames.BatchSize, "{operation}", "Write operations committed in one transaction.");
        CommitDuration = _meter.CreateHistogram<double>(
            PostgreSqlInstrumentNames.CommitDuration, "s", "Time from taking a write batch until its COMMIT returned.");
        QueueDepth = _meter.CreateUpDownCounter<long>(
            PostgreSqlInstrumentNames.QueueDepth, "{operation}", "Write operations waiting for a writer.");
        Retries = _meter.CreateCounter<long>(
            PostgreSqlInstrumentNames.Retries, "{transaction}", "Transactions run again after a deadlock or serialization failure.");
        EventsAppended = _meter.CreateCounter<long>(
            PostgreSqlInstrumentNames.EventsAppended, "{event}", "Events stored by stream appends.");
        EventsDuplicate = _meter.CreateCounter<long>(
            PostgreSqlInstrumentNames.EventsDuplicate, "{event}", "Appended events that were duplicates and not stored.");
        EventsTrimmed = _meter.CreateCounter<long>(
            PostgreSqlInstrumentNames.EventsTrimmed, "{event}", "Stream events removed by retention.");
        AppendBatchSize = _meter.CreateHistogram<int>(
            PostgreSqlInstrumentNames.AppendBatchSize, "{append}", "Stream appends committed in one transaction.");
    }

    public Histogram<int> BatchSize { get; }

    public Histogram<double> CommitDuration { get; }

    public UpDownCounter<long> QueueDepth { get; }

    public Counter<long> Retries { get; }

    public Counter<long> EventsAppended { get; }

    public Counter<long> EventsDuplicate { get; }

    public Counter<long> EventsTrimmed { get; }

    public Histogram<int> AppendBatchSize { get; }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
