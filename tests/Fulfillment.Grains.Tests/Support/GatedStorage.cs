using System.Collections.Concurrent;
using Grains.Storage;
using Grains.Testing;

namespace Fulfillment.Grains.Tests.Support;

/// <summary>
/// Grain storage over a shared store whose writes for chosen grains wait at a gate, to hold a request in flight for a
/// kill. After <see cref="Crash"/> a held write never reaches the store, as if the process had died under it.
/// </summary>
public sealed class GatedStorage(IGrainStorage inner, Signals signals) : IGrainStorage
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new(StringComparer.Ordinal);
    private volatile bool _crashed;

    /// <summary>Writes of the grain with this key wait until <see cref="Crash"/> (and are then lost).</summary>
    public void Hold(string grainKey) => _gates[grainKey] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Crash()
    {
        _crashed = true;
        foreach (var gate in _gates.Values)
        {
            gate.TrySetResult();
        }
    }

    public Task<GrainStateRecord?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default) => inner.ReadAsync(key, cancellationToken);

    public async Task<string> WriteAsync(GrainStateKey key, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        var copy = data.ToArray();
        if (_gates.TryGetValue(key.GrainKey, out var gate))
        {
            signals.Record($"write-held:{key.GrainKey}");
            await gate.Task;
        }

        if (_crashed)
        {
            throw new IOException("The process died before this write reached storage.");
        }

        var etag = await inner.WriteAsync(key, copy, expectedEtag, cancellationToken);
        signals.Record($"written:{key.GrainKey}");
        return etag;
    }

    public Task<string> ClearAsync(GrainStateKey key, string? expectedEtag, CancellationToken cancellationToken = default) =>
        inner.ClearAsync(key, expectedEtag, cancellationToken);
}
