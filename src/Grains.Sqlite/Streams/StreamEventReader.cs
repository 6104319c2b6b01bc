using System.Text;
using Grains.Streams;

namespace Grains.Sqlite;

/// <summary>
/// Turns the segments of one read into <see cref="StreamEvent"/>s: each segment's records from the first one wanted
/// are copied once into one array that the events' bodies are slices of, and a namespace equal to the previous
/// event's reuses its string. Used for one read, on its thread.
/// </summary>
internal sealed class StreamEventReader(int partition, long fromSequenceNumber, int maxCount)
{
    private readonly List<StreamEvent> _events = [];
    private string _namespace = string.Empty;
    private byte[] _utf8Namespace = [];

    /// <summary>The events read so far, in order.</summary>
    public List<StreamEvent> Events => _events;

    /// <summary>True once the read has <c>maxCount</c> events.</summary>
    public bool IsFull => _events.Count >= maxCount;

    /// <summary>Adds the segment's events from the read's start on, up to the read's count.</summary>
    public void Add(StreamSegmentRow segment)
    {
        var sequenceNumber = Math.Max(fromSequenceNumber, segment.FirstSequenceNumber);
        if (sequenceNumber >= segment.EndSequenceNumber || IsFull)
        {
            return;
        }

        var reader = segment.ReaderFrom(sequenceNumber);
        var start = reader.Position;
        var copy = segment.Events[start..].ToArray();
        var enqueued = new DateTimeOffset(segment.EnqueuedAt, TimeSpan.Zero);
        for (; sequenceNumber < segment.EndSequenceNumber && !IsFull; sequenceNumber++)
        {
            var offset = segment.FirstOffset + reader.BodyBytes;
            var record = reader.Read();

            // The body is the record's last field, so it ends where the reader now is.
            var bodyStart = reader.Position - start - record.Body.Length;
            _events.Add(new StreamEvent(
                partition,
                sequenceNumber,
                offset,
                enqueued,
                Namespace(record.Utf8Namespace),
                Encoding.UTF8.GetString(record.Utf8Key),
                Encoding.UTF8.GetString(record.Utf8EventId),
                copy.AsMemory(bodyStart, record.Body.Length)));
        }
    }

    private string Namespace(ReadOnlySpan<byte> utf8)
    {
        if (!utf8.SequenceEqual(_utf8Namespace))
        {
            _utf8Namespace = utf8.ToArray();
            _namespace = Encoding.UTF8.GetString(utf8);
        }

        return _namespace;
    }
}
