namespace Grains.PostgreSql;

/// <summary>A partition's next sequence number and offset while an append transaction holds its row locked.</summary>
internal sealed class PartitionHead(long nextSequenceNumber, long nextOffset)
{
    public long NextSequenceNumber { get; private set; } = nextSequenceNumber;

    public long NextOffset { get; private set; } = nextOffset;

    /// <summary>True once the transaction stored an event here, so the row must be written back.</summary>
    public bool Touched { get; private set; }

    /// <summary>Takes the position of a new event with a body of <paramref name="length"/> bytes.</summary>
    public (long SequenceNumber, long Offset) Take(int length)
    {
        var position = (NextSequenceNumber, NextOffset);
        NextSequenceNumber++;
        NextOffset += length;
        Touched = true;
        return position;
    }
}
