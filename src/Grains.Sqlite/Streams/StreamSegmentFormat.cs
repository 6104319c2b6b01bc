namespace Grains.Sqlite;

/// <summary>
/// The packed events of one <c>stream_segments</c> row: the events one append stored in one partition, in sequence
/// order. Version 1 is a format byte (<see cref="Version"/>) followed by one record per event, each four
/// length-prefixed fields in this order: namespace, key and event id as UTF-8, then the body. A length is an unsigned
/// LEB128 varint (7 bits a byte, low bits first, high bit set on every byte but the last; at most 5 bytes, at most
/// <see cref="int.MaxValue"/>). The row holds what the records do not: first sequence number, event count, offset
/// of the first body and the enqueue time shared by all. A later format gets a new version byte; readers refuse
/// one they do not know rather than misread it.
/// </summary>
internal static class StreamSegmentFormat
{
    public const byte Version = 1;

    /// <summary>
    /// Most bytes of records a writer puts in one segment, unless a single record is larger: an append's events of a
    /// partition beyond this go to further segments, so a read from the middle of a segment never decodes much more
    /// than it returns.
    /// </summary>
    public const int MaxRecordBytes = 64 * 1024;

    private const int MaxLengthBytes = 5;

    /// <summary>Bytes a length takes as a varint.</summary>
    public static int SizeOfLength(int length) => length switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(length), length, "A length is never negative."),
        < 1 << 7 => 1,
        < 1 << 14 => 2,
        < 1 << 21 => 3,
        < 1 << 28 => 4,
        _ => MaxLengthBytes,
    };

    /// <summary>Bytes of a record whose fields have these lengths; a long, since four fields together may pass <see cref="int.MaxValue"/>.</summary>
    public static long SizeOfRecord(int namespaceLength, int keyLength, int eventIdLength, int bodyLength) =>
        (long)SizeOfLength(namespaceLength) + namespaceLength
        + SizeOfLength(keyLength) + keyLength
        + SizeOfLength(eventIdLength) + eventIdLength
        + SizeOfLength(bodyLength) + bodyLength;

    /// <summary>Writes <paramref name="length"/> as a varint at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    public static int WriteLength(Span<byte> destination, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var value = (uint)length;
        var written = 0;
        while (value >= 0x80)
        {
            destination[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[written++] = (byte)value;
        return written;
    }

    /// <summary>Writes one field, its length then its bytes, at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    public static int WriteField(Span<byte> destination, ReadOnlySpan<byte> field)
    {
        var written = WriteLength(destination, field.Length);
        field.CopyTo(destination[written..]);
        return written + field.Length;
    }

    /// <summary>Reads a varint length at <paramref name="position"/>, advancing it; false when the bytes are not a valid one.</summary>
    public static bool TryReadLength(ReadOnlySpan<byte> source, ref int position, out int length)
    {
        uint value = 0;
        for (var shift = 0; shift < 7 * MaxLengthBytes && position < source.Length; shift += 7)
        {
            var next = source[position++];
            value |= (uint)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                // The fifth byte may carry only the top 4 bits of 32; a length is also at most int.MaxValue.
                var fits = shift < 28 || next <= 0x07;
                length = fits ? (int)value : 0;
                return fits;
            }
        }

        length = 0;
        return false;
    }
}
