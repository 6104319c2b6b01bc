namespace Grains.Streams;

/// <summary>
/// One partition as its agent sees it: what the log holds, what was read, delivered and checkpointed, and the lag in
/// events (appended but not delivered) and seconds (age of the oldest event not delivered).
/// </summary>
public sealed record StreamPartitionStatus(
    int Partition,
    long LastSequenceNumber,
    long LastRead,
    long Delivered,
    long Checkpointed,
    int InFlight,
    long LagEvents,
    double LagSeconds,
    double? CheckpointAgeSeconds);
