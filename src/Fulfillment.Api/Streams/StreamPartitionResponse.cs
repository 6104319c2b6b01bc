namespace Fulfillment.Api.Streams;

/// <summary>One partition as its pulling agent sees it (sequence numbers, lag in events and seconds, checkpoint age).</summary>
public sealed record StreamPartitionResponse(
    int Partition,
    long LastSequenceNumber,
    long Delivered,
    long Checkpointed,
    int InFlight,
    long LagEvents,
    double LagSeconds,
    double? CheckpointAgeSeconds);
