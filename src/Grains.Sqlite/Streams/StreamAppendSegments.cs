namespace Grains.Sqlite;

/// <summary>
/// The segments one append writes, as its events are accepted on the writer thread: per partition, the position of
/// its first new event and which of the batch's events it keeps. Written at the end of the append, one row per
/// partition (more only past <see cref="StreamSegmentFormat.MaxRecordBytes"/>); until then an event accepted earlier in
/// the same append is found here, not in the database, when a later one repeats its id.
/// </summary>
internal sealed class StreamAppendSegments
{
    private readonly StreamAppendBatch _batch;
    private readonly long[] _firstSequenceNumber;
    private readonly long[] _firstOffset;
    private readonly int[] _kept;

    // The batch's index of each kept event, by partition: slot FirstSlotOn(partition) + k holds its k-th kept event.
    private readonly int[] _keptEvents;

    public StreamAppendSegments(StreamAppendBatch batch)
    {
        _batch = batch;
        _firstSequenceNumber = new long[batch.PartitionCount];
        _firstOffset = new long[batch.PartitionCount];
        _kept = new int[batch.PartitionCount];
        _keptEvents = new int[batch.Count];
    }

    /// <summary>Keeps the batch's <paramref name="index"/>-th event, at the position its partition's head gave it.</summary>
    public void Add(int index, long sequenceNumber, long offset)
    {
        var partition = _batch[index].Partition;
        if (_kept[partition] == 0)
        {
            _firstSequenceNumber[partition] = sequenceNumber;
            _firstOffset[partition] = offset;
        }

        _keptEvents[_batch.FirstSlotOn(partition) + _kept[partition]++] = index;
    }

    /// <summary>True when the event at this position was kept by this append (and so is not in the database yet), with its UTF-8 id.</summary>
    public bool TryGetEventId(int partition, long sequenceNumber, out ReadOnlySpan<byte> utf8EventId)
    {
        var k = sequenceNumber - _firstSequenceNumber[partition];
        if (_kept[partition] == 0 || k < 0 || k >= _kept[partition])
        {
            utf8EventId = default;
            return false;
        }

        utf8EventId = _batch.EventId(_keptEvents[_batch.FirstSlotOn(partition) + (int)k]);
        return true;
    }

    /// <summary>Inserts the segments of every partition that kept events, all enqueued at <paramref name="enqueuedAt"/>.</summary>
    public void Write(SqliteStatement insert, StreamSegmentBuilder builder, long enqueuedAt)
    {
        for (var partition = 0; partition < _kept.Length; partition++)
        {
            var kept = _kept[partition];
            if (kept == 0)
            {
                continue;
            }

            var group = _batch.Group(partition);
            if (kept == _batch.CountOn(partition) && group.Length - 1 <= StreamSegmentFormat.MaxRecordBytes)
            {
                // The common case: the partition's packed events are its segment, bound straight from the batch.
                StreamSegmentRows.Insert(insert, partition, _firstSequenceNumber[partition], kept, _firstOffset[partition], enqueuedAt, group);
                continue;
            }

            WriteRepacked(insert, builder, partition, enqueuedAt);
        }
    }

    /// <summary>Packs the kept events of a partition anew: some were duplicates, or they are too many bytes for one segment.</summary>
    private void WriteRepacked(SqliteStatement insert, StreamSegmentBuilder builder, int partition, long enqueuedAt)
    {
        var sequenceNumber = _firstSequenceNumber[partition];
        var offset = _firstOffset[partition];
        var first = _batch.FirstSlotOn(partition);
        builder.Start(sequenceNumber, offset);
        for (var k = 0; k < _kept[partition]; k++)
        {
            var index = _keptEvents[first + k];
            var record = _batch.Record(index);
            if (builder.IsFullFor(record.Length))
            {
                StreamSegmentRows.Insert(insert, partition, builder, enqueuedAt);
                builder.Start(sequenceNumber, offset);
            }

            builder.AddRecord(record);
            sequenceNumber++;
            offset += _batch[index].BodyLength;
        }

        StreamSegmentRows.Insert(insert, partition, builder, enqueuedAt);
    }
}
