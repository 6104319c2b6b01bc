namespace Grains.Sqlite;

/// <summary>
/// Where one event of a <see cref="StreamAppendBatch"/> lies in the batch's buffer, with its partition and the hash of
/// its id. Lengths are of the UTF-8 fields; positions are from the start of the buffer.
/// </summary>
internal struct PackedStreamEvent
{
    public int Partition;
    public int NamespaceLength;
    public int KeyLength;
    public int EventIdLength;
    public int BodyLength;
    public int RecordLength;
    public int RecordStart;
    public int EventIdStart;
    public ulong Hash;
}
