namespace Grains.Sqlite;

/// <summary>Instruments the SQLite stream log publishes on the <see cref="SqliteInstrumentNames.MeterName"/> meter.</summary>
public static class SqliteStreamInstrumentNames
{
    /// <summary>Counter: events stored by appends (duplicates excluded).</summary>
    public const string EventsAppended = "grains.sqlite.streams.events.appended";

    /// <summary>Counter: events of appends that were duplicates and not stored.</summary>
    public const string EventsDuplicate = "grains.sqlite.streams.events.duplicate";

    /// <summary>Counter: events removed by retention.</summary>
    public const string EventsTrimmed = "grains.sqlite.streams.events.trimmed";

    /// <summary>Counter: event ids forgotten after their de-duplication window.</summary>
    public const string EventIdsPurged = "grains.sqlite.streams.event_ids.purged";
}
