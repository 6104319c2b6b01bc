using System.Buffers;

namespace Fulfillment.Api.Ingestion;

/// <summary>A request body read into a pooled array; disposing returns the array.</summary>
internal sealed class PooledBody(byte[] buffer, int length) : IDisposable
{
    private byte[]? _buffer = buffer;

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, length);

    public int Length => length;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
