using System.Runtime.InteropServices;

namespace Grains.Sqlite;

/// <summary>
/// One stored event in the <see cref="EventIdIndex"/>: the hash of its id, its position and its enqueue time (UTC
/// ticks). Packed to 28 bytes, since the index holds millions of them.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct EventIdEntry(ulong Hash, int Partition, long SequenceNumber, long EnqueuedAt)
{
    /// <summary>The partition of an entry whose event was trimmed: it keeps its place in the order but matches nothing.</summary>
    public const int Forgotten = -1;
}
