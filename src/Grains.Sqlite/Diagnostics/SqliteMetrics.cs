using System.Diagnostics.Metrics;

namespace Grains.Sqlite;

/// <summary>The instruments of the write path. One instance serves every database opened through the same owner.</summary>
internal sealed class SqliteMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public SqliteMetrics(IMeterFactory? meterFactory)
    {
        // A factory's meters live as long as the factory; a meter created here is ours to dispose.
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(SqliteInstrumentNames.MeterName) ?? new Meter(SqliteInstrumentNames.MeterName);
        BatchSize = _meter.CreateHistogram<int>(
            SqliteInstrumentNames.BatchSize, "{operation}", "Write operations committed in one transaction.");
        CommitDuration = _meter.CreateHistogram<double>(
            SqliteInstrumentNames.CommitDuration, "s", "Time from BEGIN IMMEDIATE until COMMIT returned for one write batch.");
        QueueDepth = _meter.CreateUpDownCounter<long>(
            SqliteInstrumentNames.QueueDepth, "{operation}", "Write operations waiting for the writer.");
    }

    public Histogram<int> BatchSize { get; }

    public Histogram<double> CommitDuration { get; }

    public UpDownCounter<long> QueueDepth { get; }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
