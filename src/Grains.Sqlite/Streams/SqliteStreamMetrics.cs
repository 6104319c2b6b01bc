using System.Diagnostics.Metrics;

namespace Grains.Sqlite;

/// <summary>Instruments of one SQLite stream log, tagged with its database path.</summary>
internal sealed class SqliteStreamMetrics
{
    // Logs built without a meter factory share one process-wide meter instead of each leaking its own.
    private static readonly Lazy<Meter> SharedMeter = new(() => new Meter(SqliteInstrumentNames.MeterName));

    private readonly Counter<long> _appended;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _trimmed;
    private readonly UpDownCounter<long> _indexed;
    private readonly KeyValuePair<string, object?> _tag;

    public SqliteStreamMetrics(IMeterFactory? meterFactory, string dataSource)
    {
        var meter = meterFactory?.Create(SqliteInstrumentNames.MeterName) ?? SharedMeter.Value;
        _appended = meter.CreateCounter<long>(SqliteStreamInstrumentNames.EventsAppended, "{event}", "Events stored by stream appends.");
        _duplicates = meter.CreateCounter<long>(SqliteStreamInstrumentNames.EventsDuplicate, "{event}", "Appended events that were duplicates and not stored.");
        _trimmed = meter.CreateCounter<long>(SqliteStreamInstrumentNames.EventsTrimmed, "{event}", "Stream events removed by retention.");
        _indexed = meter.CreateUpDownCounter<long>(
            SqliteStreamInstrumentNames.EventIdsIndexed, "{id}", "Event ids the de-duplication index of the stream log holds in memory.");
        _tag = new(SqliteInstrumentNames.DataSourceTag, dataSource);
    }

    public void Appended(int stored, int duplicates)
    {
        if (stored > 0)
        {
            _appended.Add(stored, _tag);
        }

        if (duplicates > 0)
        {
            _duplicates.Add(duplicates, _tag);
        }
    }

    public void Trimmed(int removed)
    {
        if (removed > 0)
        {
            _trimmed.Add(removed, _tag);
        }
    }

    /// <summary>Records a change of the index size; called on the writer thread.</summary>
    public void Indexed(int delta) => _indexed.Add(delta, _tag);
}
