namespace Grains.Streams;

/// <summary>Where an event sits in the log.</summary>
public readonly record struct StreamPosition(int Partition, long SequenceNumber);
