using System.Numerics;

namespace Grains.Sqlite;

/// <summary>
/// Recent stored events by the hash of their id, for de-duplication. Entries sit in a ring in the order they were
/// added, at most <see cref="Capacity"/> of them, and leave from the oldest end: to make room, or once enqueued at or
/// before a cutoff. An open-addressing table with linear probing maps a hash to its entries' places in the ring; a
/// hash may have several entries (ids that collide, or an id stored again after its window), so lookups enumerate
/// every match and the caller verifies each against the log. Not thread-safe: the log's writer thread owns it.
/// </summary>
/// <remarks>
/// Memory is the ring (28 bytes an entry) plus the table (4 bytes a slot, at most three quarters full); both grow by
/// doubling up to what <see cref="Capacity"/> needs, and neither holds references, so the collector never scans them.
/// </remarks>
internal sealed class EventIdIndex
{
    private const int MinimumRingLength = 1024;

    private EventIdEntry[] _ring;
    private int _head;
    private int _occupied;
    private int _count;

    // Each slot holds a ring index plus one; zero marks an empty slot.
    private int[] _slots;
    private int _mask;

    public EventIdIndex(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _ring = new EventIdEntry[Math.Min(capacity, MinimumRingLength)];
        _slots = new int[TableLength(_ring.Length)];
        _mask = _slots.Length - 1;
    }

    /// <summary>Most entries the ring holds, forgotten ones included.</summary>
    public int Capacity { get; }

    /// <summary>Entries a lookup can find: those neither evicted nor forgotten.</summary>
    public int Count => _count;

    /// <summary>Entries in the ring, forgotten ones included.</summary>
    public int Occupied => _occupied;

    /// <summary>The ring's current length; a diagnostics aid.</summary>
    internal int RingLength => _ring.Length;

    /// <summary>The entry at a ring index <see cref="FindNext"/> returned.</summary>
    public ref readonly EventIdEntry this[int entry] => ref _ring[entry];

    /// <summary>
    /// The ring index of the next entry with <paramref name="hash"/>, or -1 when there is none. Start with
    /// <paramref name="cursor"/> at -1 and pass it back unchanged to continue; the index must not change in between.
    /// </summary>
    public int FindNext(ulong hash, ref int cursor)
    {
        var slot = cursor < 0 ? Home(hash) : (cursor + 1) & _mask;
        while (_slots[slot] != 0)
        {
            var entry = _slots[slot] - 1;
            if (_ring[entry].Hash == hash)
            {
                cursor = slot;
                return entry;
            }

            slot = (slot + 1) & _mask;
        }

        cursor = slot;
        return -1;
    }

    /// <summary>Adds an entry as the newest, first letting the oldest go if the ring is at capacity.</summary>
    public void Add(ulong hash, int partition, long sequenceNumber, long enqueuedAt)
    {
        if (_occupied == Capacity)
        {
            RemoveOldest();
        }
        else if (_occupied == _ring.Length)
        {
            Grow();
        }

        var entry = _head + _occupied;
        if (entry >= _ring.Length)
        {
            entry -= _ring.Length;
        }

        _ring[entry] = new EventIdEntry(hash, partition, sequenceNumber, enqueuedAt);
        _occupied++;
        Insert(entry);
    }

    /// <summary>
    /// Lets the oldest entries go while they were enqueued at or before <paramref name="cutoff"/>. Stops at the first
    /// younger one, so an older entry behind it (a clock that went back) waits for it; lookups check times anyway.
    /// </summary>
    public void ExpireThrough(long cutoff)
    {
        while (_occupied > 0 && _ring[_head].EnqueuedAt <= cutoff)
        {
            RemoveOldest();
        }
    }

    /// <summary>Makes the entry of a trimmed event unfindable; it keeps its place in the ring. False when it was not there.</summary>
    public bool Forget(ulong hash, int partition, long sequenceNumber)
    {
        var cursor = -1;
        for (var entry = FindNext(hash, ref cursor); entry >= 0; entry = FindNext(hash, ref cursor))
        {
            var found = _ring[entry];
            if (found.Partition == partition && found.SequenceNumber == sequenceNumber)
            {
                RemoveSlot(cursor);
                _ring[entry] = found with { Partition = EventIdEntry.Forgotten };
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Replaces the contents with the first <paramref name="count"/> entries of <paramref name="newestFirst"/>, newest
    /// first, taking the array over as the ring (so its length must not exceed <see cref="Capacity"/>).
    /// </summary>
    public void Load(EventIdEntry[] newestFirst, int count)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentOutOfRangeException.ThrowIfLessThan(newestFirst.Length, 1, nameof(newestFirst));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newestFirst.Length, Capacity, nameof(newestFirst));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, newestFirst.Length);
        Array.Reverse(newestFirst, 0, count);
        _ring = newestFirst;
        _head = 0;
        _occupied = count;
        Rehash();
    }

    private static int TableLength(int ringLength) =>
        (int)BitOperations.RoundUpToPowerOf2((uint)(ringLength + (ringLength / 3) + 1));

    private int Home(ulong hash) => (int)(hash & (uint)_mask);

    private void RemoveOldest()
    {
        if (_ring[_head].Partition != EventIdEntry.Forgotten)
        {
            RemoveSlot(SlotOf(_head));
        }

        _head = _head + 1 == _ring.Length ? 0 : _head + 1;
        _occupied--;
    }

    private void Grow()
    {
        var ring = new EventIdEntry[(int)Math.Min(2L * _ring.Length, Capacity)];
        var first = Math.Min(_occupied, _ring.Length - _head);
        Array.Copy(_ring, _head, ring, 0, first);
        Array.Copy(_ring, 0, ring, first, _occupied - first);
        _ring = ring;
        _head = 0;
        Rehash();
    }

    /// <summary>Rebuilds the table for the ring as it is; the ring must start at index 0.</summary>
    private void Rehash()
    {
        _slots = new int[TableLength(_ring.Length)];
        _mask = _slots.Length - 1;
        _count = 0;
        for (var entry = 0; entry < _occupied; entry++)
        {
            if (_ring[entry].Partition != EventIdEntry.Forgotten)
            {
                Insert(entry);
            }
        }
    }

    private void Insert(int entry)
    {
        var slot = Home(_ring[entry].Hash);
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & _mask;
        }

        _slots[slot] = entry + 1;
        _count++;
    }

    private int SlotOf(int entry)
    {
        var slot = Home(_ring[entry].Hash);
        while (_slots[slot] != entry + 1)
        {
            slot = (slot + 1) & _mask;
        }

        return slot;
    }

    /// <summary>
    /// Empties a slot without tombstones: later entries of the same probe run move back into the hole when their
    /// home slot is at or before it, so every entry stays reachable from its home.
    /// </summary>
    private void RemoveSlot(int slot)
    {
        var hole = slot;
        var next = (hole + 1) & _mask;
        while (_slots[next] != 0)
        {
            var home = Home(_ring[_slots[next] - 1].Hash);
            if (((next - home) & _mask) >= ((next - hole) & _mask))
            {
                _slots[hole] = _slots[next];
                hole = next;
            }

            next = (next + 1) & _mask;
        }

        _slots[hole] = 0;
        _count--;
    }
}
