using System.Buffers;
using System.Text;
using Grains.Runtime.Placement;
using Grains.Streams;

namespace Grains.Sqlite;

/// <summary>
/// An append's events packed on the appending caller's thread, so the writer thread, which every append shares,
/// neither encodes strings nor copies bodies one event at a time. Each event's record (<see cref="StreamSegmentFormat"/>)
/// is written once into one buffer, grouped by partition in append order; each partition's group starts with the
/// format byte, so when none of its events is a duplicate it is that partition's segment as it is. Event ids are
/// hashed from the bytes the segment stores. The buffers are rented: dispose only once the writer is done with the
/// batch (its append's task completed).
/// </summary>
internal sealed class StreamAppendBatch : IDisposable
{
    private readonly byte[] _buffer;
    private readonly PackedStreamEvent[] _events;

    // Per partition and one past the last: where its group starts in the buffer, and its first event in group order.
    private readonly int[] _groupStart;
    private readonly int[] _groupFirstEvent;
    private int _disposed;

    private StreamAppendBatch(byte[] buffer, PackedStreamEvent[] events, int count, int[] groupStart, int[] groupFirstEvent)
    {
        _buffer = buffer;
        _events = events;
        Count = count;
        _groupStart = groupStart;
        _groupFirstEvent = groupFirstEvent;
    }

    /// <summary>Events in the batch, duplicates included.</summary>
    public int Count { get; }

    public int PartitionCount => _groupStart.Length - 1;

    /// <summary>The <paramref name="index"/>-th event of the batch, in append order.</summary>
    public ref readonly PackedStreamEvent this[int index] => ref _events[index];

    /// <summary>
    /// Packs <paramref name="events"/> (already validated) for a log of <paramref name="partitionCount"/> partitions,
    /// hashing ids with <paramref name="hash"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The packed batch would not fit in one array (about 2 GiB).</exception>
    public static StreamAppendBatch Pack(IReadOnlyList<StreamEventData> events, int partitionCount, EventIdHashFunction hash)
    {
        var count = events.Count;
        var packed = ArrayPool<PackedStreamEvent>.Shared.Rent(count);
        var groupFirstEvent = new int[partitionCount + 1];
        int[] groupStart;
        try
        {
            groupStart = Measure(events, packed, groupFirstEvent);
        }
        catch
        {
            ArrayPool<PackedStreamEvent>.Shared.Return(packed);
            throw;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(groupStart[partitionCount]);
        var next = new int[partitionCount];
        for (var partition = 0; partition < partitionCount; partition++)
        {
            if (groupStart[partition + 1] > groupStart[partition])
            {
                buffer[groupStart[partition]] = StreamSegmentFormat.Version;
                next[partition] = groupStart[partition] + 1;
            }
        }

        for (var i = 0; i < count; i++)
        {
            var data = events[i];
            ref var e = ref packed[i];
            e.RecordStart = next[e.Partition];
            var record = buffer.AsSpan(e.RecordStart, e.RecordLength);
            var written = WriteText(record, data.Namespace, e.NamespaceLength);
            written += WriteText(record[written..], data.Key, e.KeyLength);
            written += StreamSegmentFormat.WriteLength(record[written..], e.EventIdLength);
            e.EventIdStart = e.RecordStart + written;
            written += Encoding.UTF8.GetBytes(data.EventId, record[written..]);
            StreamSegmentFormat.WriteField(record[written..], data.Body.Span);
            e.Hash = hash(buffer.AsSpan(e.EventIdStart, e.EventIdLength));
            next[e.Partition] += e.RecordLength;
        }

        return new StreamAppendBatch(buffer, packed, count, groupStart, groupFirstEvent);
    }

    /// <summary>
    /// Places each event in <paramref name="packed"/> (partition, field lengths, record length) and counts the events
    /// of each partition into <paramref name="groupFirstEvent"/>, then turns those counts into each partition's first
    /// slot; returns where each partition's group starts in the buffer and, last, the buffer's length.
    /// </summary>
    private static int[] Measure(IReadOnlyList<StreamEventData> events, PackedStreamEvent[] packed, int[] groupFirstEvent)
    {
        var partitionCount = groupFirstEvent.Length - 1;
        var groupBytes = new long[partitionCount];
        for (var i = 0; i < events.Count; i++)
        {
            var data = events[i];
            ref var e = ref packed[i];
            e.Partition = PartitionHash.GetPartition(data.Key, partitionCount);
            e.NamespaceLength = Encoding.UTF8.GetByteCount(data.Namespace);
            e.KeyLength = Encoding.UTF8.GetByteCount(data.Key);
            e.EventIdLength = Encoding.UTF8.GetByteCount(data.EventId);
            e.BodyLength = data.Body.Length;
            var size = StreamSegmentFormat.SizeOfRecord(e.NamespaceLength, e.KeyLength, e.EventIdLength, e.BodyLength);
            e.RecordLength = size <= Array.MaxLength ? (int)size : throw TooLarge(nameof(events));
            groupBytes[e.Partition] += size;
            groupFirstEvent[e.Partition + 1]++;
        }

        var groupStart = new int[partitionCount + 1];
        long total = 0;
        for (var partition = 0; partition < partitionCount; partition++)
        {
            groupStart[partition] = (int)total;

            // A partition's group is its format byte and its records, or nothing when it has no events.
            total += groupBytes[partition] == 0 ? 0 : 1 + groupBytes[partition];
            if (total > Array.MaxLength)
            {
                throw TooLarge(nameof(events));
            }

            groupFirstEvent[partition + 1] += groupFirstEvent[partition];
        }

        groupStart[partitionCount] = (int)total;
        return groupStart;
    }

    /// <summary>The UTF-8 id of the <paramref name="index"/>-th event.</summary>
    public ReadOnlySpan<byte> EventId(int index) => _buffer.AsSpan(_events[index].EventIdStart, _events[index].EventIdLength);

    /// <summary>The packed record of the <paramref name="index"/>-th event.</summary>
    public ReadOnlySpan<byte> Record(int index) => _buffer.AsSpan(_events[index].RecordStart, _events[index].RecordLength);

    /// <summary>Events of the batch on <paramref name="partition"/>, duplicates included.</summary>
    public int CountOn(int partition) => _groupFirstEvent[partition + 1] - _groupFirstEvent[partition];

    /// <summary>Where <paramref name="partition"/>'s events start in partition order: slot numbers for per-event state kept by partition.</summary>
    public int FirstSlotOn(int partition) => _groupFirstEvent[partition];

    /// <summary>The format byte and every record of <paramref name="partition"/>'s events, a segment as it is.</summary>
    public ReadOnlySpan<byte> Group(int partition) =>
        _buffer.AsSpan(_groupStart[partition], _groupStart[partition + 1] - _groupStart[partition]);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            ArrayPool<PackedStreamEvent>.Shared.Return(_events);
        }
    }

    private static int WriteText(Span<byte> destination, string text, int length)
    {
        var written = StreamSegmentFormat.WriteLength(destination, length);
        return written + Encoding.UTF8.GetBytes(text, destination[written..]);
    }

    private static ArgumentException TooLarge(string parameterName) =>
        new("The batch is too large to append at once: its events packed exceed one array (about 2 GiB). Append it in smaller batches.", parameterName);
}
