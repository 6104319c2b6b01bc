namespace Grains.Streams;

/// <summary>
/// An event as stored in a partition of the log, shaped like an Event Hubs event: its partition, its sequence number
/// (1, 2, 3... per partition, never reused), its offset (bytes of bodies before it in the partition) and the time the
/// log accepted it.
/// </summary>
public sealed record StreamEvent(
    int Partition,
    long SequenceNumber,
    long Offset,
    DateTimeOffset EnqueuedTime,
    string Namespace,
    string Key,
    string EventId,
    ReadOnlyMemory<byte> Body);
