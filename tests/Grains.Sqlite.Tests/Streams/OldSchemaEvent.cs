using System.Text;
using Grains.Streams;

namespace Grains.Sqlite.Tests.Streams;

/// <summary>An event as the old schema stored it, compared by value, body bytes included.</summary>
internal sealed record OldSchemaEvent(int Partition, long SequenceNumber, long Offset, DateTimeOffset EnqueuedTime, string Namespace, string Key, string EventId, byte[] Body)
{
    public static OldSchemaEvent Of(StreamEvent e) =>
        new(e.Partition, e.SequenceNumber, e.Offset, e.EnqueuedTime, e.Namespace, e.Key, e.EventId, e.Body.ToArray());

    public bool Equals(OldSchemaEvent? other) =>
        other is not null
        && (Partition, SequenceNumber, Offset, EnqueuedTime, Namespace, Key, EventId) == (other.Partition, other.SequenceNumber, other.Offset, other.EnqueuedTime, other.Namespace, other.Key, other.EventId)
        && Body.AsSpan().SequenceEqual(other.Body);

    public override int GetHashCode() => HashCode.Combine(Partition, SequenceNumber, EventId);

    public override string ToString() => $"{Partition}/{SequenceNumber}@{Offset} {EventId} {Convert.ToHexString(Body)} ({Encoding.UTF8.GetByteCount(Key)} B key)";
}
