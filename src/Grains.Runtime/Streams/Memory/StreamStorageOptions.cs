namespace Grains.Streams;

/// <summary>
/// Options every stream storage provider (in-memory, SQLite) reads. Bound from the <c>StreamStorage</c> configuration
/// section by <c>AddGrains</c> on a host application builder.
/// </summary>
/// <remarks>
/// De-duplication covers a bounded recent window: an appended event is a duplicate when an event with the same id is
/// still in the log, was enqueued less than <see cref="DeduplicationWindow"/> ago, and is among the last
/// <see cref="DeduplicationCapacity"/> events appended. A repeat arriving beyond either bound, or after retention
/// removed its original, is appended again; subscriber grains make effects exactly-once with
/// <see cref="ProcessedEventWindow"/>.
/// </remarks>
public sealed class StreamStorageOptions
{
    /// <summary>
    /// How long an appended event's id is recognised, counted from the append that stored it. A later event with the
    /// same id is a duplicate before the window has passed and is stored again once it has. Retention that removes
    /// the event first ends its window early. Default 24 hours.
    /// </summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Most recent appended events whose ids are recognised, events trimmed since included; the oldest fall out first.
    /// Providers keep these ids in memory (the SQLite log about 35 bytes per id at full capacity, so about 175 MB at
    /// the default), which bounds the de-duplication window under high throughput. Default 5,000,000.
    /// </summary>
    public int DeduplicationCapacity { get; set; } = 5_000_000;
}
