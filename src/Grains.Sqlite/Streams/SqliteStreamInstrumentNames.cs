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

    /// <summary>Up-down counter: event ids the de-duplication index holds in memory (about 35 bytes each at full capacity).</summary>
    public const string EventIdsIndexed = "grains.sqlite.streams.event_ids.indexed";
}
