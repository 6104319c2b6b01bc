using System.Buffers;
using System.Text;

namespace Grains.Runtime.Placement;

/// <summary>
/// The stable hash that places grains and stream events on partitions: MurmurHash3 (x86, 32-bit, seed 0) over the
/// UTF-8 bytes of the key. It must never change: persisted reminders and stream logs record partitions computed with it,
/// and producers in other languages can compute it too.
/// </summary>
public static class PartitionHash
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    public static uint Compute(string key)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = null;
        var buffer = maxBytes <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(key, buffer);
            return Murmur3(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static int GetPartition(string key, int partitionCount) => (int)(Compute(key) % (uint)partitionCount);

    internal static uint Murmur3(ReadOnlySpan<byte> data)
    {
        uint h = 0;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = BitConverterLittleEndian(data.Slice(i * 4, 4));
            k *= C1;
            k = RotateLeft(k, 15);
            k *= C2;
            h ^= k;
            h = RotateLeft(h, 13);
            h = (h * 5) + 0xe6546b64;
        }

        var tail = data[(blocks * 4)..];
        uint k1 = 0;
        switch (tail.Length)
        {
            case 3:
                k1 ^= (uint)tail[2] << 16;
                goto case 2;
            case 2:
                k1 ^= (uint)tail[1] << 8;
                goto case 1;
            case 1:
                k1 ^= tail[0];
                k1 *= C1;
                k1 = RotateLeft(k1, 15);
                k1 *= C2;
                h ^= k1;
                break;
        }

        h ^= (uint)data.Length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }

    private static uint BitConverterLittleEndian(ReadOnlySpan<byte> four) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(four);

    private static uint RotateLeft(uint value, int count) => (value << count) | (value >> (32 - count));
}
