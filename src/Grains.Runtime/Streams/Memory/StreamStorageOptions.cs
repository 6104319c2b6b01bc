namespace Grains.Streams;

/// <summary>Options every stream storage provider (in-memory, SQLite) reads.</summary>
public sealed class StreamStorageOptions
{
    /// <summary>
    /// How long an appended event's id is remembered for de-duplication, counted from the append that stored it and
    /// independent of how long the event itself is retained. A later event with the same id is a duplicate before the
    /// window has passed and is stored again once it has. Default 7 days.
    /// </summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromDays(7);
}
