namespace Grains.Streams;

/// <summary>
/// What a partition holds: the first sequence number still retained, the last one appended (0 when nothing ever was),
/// and when the last one was enqueued.
/// </summary>
public sealed record StreamPartitionInfo(int Partition, long FirstSequenceNumber, long LastSequenceNumber, DateTimeOffset? LastEnqueuedTime);
