using System.Buffers;
using System.Text;

namespace Grains.Sqlite;

/// <summary>
/// The hash the stream log indexes event ids by: 64 bits from two <see cref="HashCode"/> passes over the id's UTF-8
/// bytes, the second salted so the halves differ. <see cref="HashCode"/> is seeded at random per process, which keeps
/// crafted ids from piling onto one slot; the index lives only in memory, so the hash never needs to be stable.
/// </summary>
internal static class EventIdHash
{
    /// <summary>Ids up to this many UTF-8 bytes are encoded on the stack.</summary>
    private const int StackLimit = 512;

    private const int HighSalt = 0x2545F491;

    public static ulong Compute(ReadOnlySpan<byte> utf8EventId)
    {
        var low = default(HashCode);
        low.AddBytes(utf8EventId);
        var high = default(HashCode);
        high.Add(HighSalt);
        high.AddBytes(utf8EventId);
        return ((ulong)(uint)high.ToHashCode() << 32) | (uint)low.ToHashCode();
    }

    /// <summary>Hashes <paramref name="eventId"/> with <paramref name="hash"/> over the UTF-8 bytes SQLite will store for it.</summary>
    public static ulong Of(string eventId, EventIdHashFunction hash)
    {
        var maxLength = Encoding.UTF8.GetMaxByteCount(eventId.Length);
        if (maxLength <= StackLimit)
        {
            Span<byte> buffer = stackalloc byte[StackLimit];
            return hash(buffer[..Encoding.UTF8.GetBytes(eventId, buffer)]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(maxLength);
        try
        {
            return hash(rented.AsSpan(0, Encoding.UTF8.GetBytes(eventId, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
