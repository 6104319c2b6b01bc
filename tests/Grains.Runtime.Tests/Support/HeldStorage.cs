using Grains.Storage;
using Grains.Testing;

namespace Grains.Runtime.Tests.Support;

/// <summary>Grain storage whose writes a test can hold at a gate, count, or make fail, over an in-memory store.</summary>
public sealed class HeldStorage(Signals signals) : IGrainStorage
{
    private readonly MemoryGrainStorage _inner = new();
    private TaskCompletionSource? _gate;
    private int _writes;
    private int _failuresLeft;

    public int Writes => Volatile.Read(ref _writes);

    public void HoldWrites() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseWrites() => _gate?.TrySetResult();

    public void FailNextWrites(int count) => _failuresLeft = count;

    public Task<GrainStateRecord?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default) => _inner.ReadAsync(key, cancellationToken);

    public async Task<string> WriteAsync(GrainStateKey key, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        var copy = data.ToArray();
        signals.Record("write-started", Interlocked.Increment(ref _writes));
        if (_gate is { } gate)
        {
            await gate.Task;
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new IOException("disk on fire");
        }

        return await _inner.WriteAsync(key, copy, expectedEtag, cancellationToken);
    }

    public Task<string> ClearAsync(GrainStateKey key, string? expectedEtag, CancellationToken cancellationToken = default) =>
        _inner.ClearAsync(key, expectedEtag, cancellationToken);
}
