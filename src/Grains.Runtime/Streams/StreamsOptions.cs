namespace Grains.Streams;

/// <summary>How pulling agents read the stream log and deliver to subscriber grains.</summary>
public sealed class StreamsOptions
{
    /// <summary>The consumer group the silo's agents read and checkpoint as. Default <c>grains</c>.</summary>
    public string ConsumerGroup { get; set; } = "grains";

    /// <summary>Events read from a partition at a time. Default 256.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Events of one partition read but not yet fully delivered; reading pauses at this bound. Default 2048.</summary>
    public int MaxEventsInFlight { get; set; } = 2048;

    /// <summary>How often each agent records its low watermark. Default 1 s.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often an idle agent looks for events appended by another process; appends in this process wake it at
    /// once. Default 1 s.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries of one event to one grain before it is dead-lettered. Default 5.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry of a failed delivery; doubles per attempt up to <see cref="RetryMaxDelay"/>. Default 100 ms.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events older than this are removed once checkpointed. Default 7 days.</summary>
    public TimeSpan RetentionAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Most events kept per partition once checkpointed, whatever their age. Default 1,000,000.</summary>
    public long RetentionMaxEventsPerPartition { get; set; } = 1_000_000;

    /// <summary>How often retention runs. Default 1 min.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest a graceful stop waits for deliveries in flight before its final checkpoint. Default 30 s.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
