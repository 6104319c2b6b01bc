namespace Grains.Streams;

/// <summary>A checkpoint: everything through <see cref="SequenceNumber"/> was processed, as of <see cref="UpdatedAt"/>.</summary>
public sealed record StreamCheckpoint(string ConsumerGroup, int Partition, long SequenceNumber, DateTimeOffset UpdatedAt);
