using Grains.Runtime.Cluster;

namespace Grains.Storage;

/// <summary>
/// A grain storage provider that several silos share and that checks lease fences: a write or clear applies only
/// while the partition's lease still has the fence's epoch and owner, checked atomically with the write. A stale
/// fence fails with <see cref="StaleLeaseException"/> and writes nothing. Providers of one process need not
/// implement it: there the single silo is the only writer.
/// </summary>
public interface IFencedGrainStorage : IGrainStorage
{
    /// <summary>As <see cref="IGrainStorage.WriteAsync"/>, under <paramref name="fence"/> (<see cref="LeaseFence.None"/>: unchecked).</summary>
    Task<string> WriteAsync(GrainStateKey key, ReadOnlyMemory<byte> data, string? expectedEtag, LeaseFence fence, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="IGrainStorage.ClearAsync"/>, under <paramref name="fence"/> (<see cref="LeaseFence.None"/>: unchecked).</summary>
    Task<string> ClearAsync(GrainStateKey key, string? expectedEtag, LeaseFence fence, CancellationToken cancellationToken = default);
}
