namespace Grains.Streams;

/// <summary>One stored event as a <see cref="MemoryEventIdWindow"/> remembers it; the position makes each arrival unique.</summary>
internal readonly record struct MemoryEventIdArrival(string EventId, int Partition, long SequenceNumber, DateTimeOffset EnqueuedTime);
