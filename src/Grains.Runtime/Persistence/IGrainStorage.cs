namespace Grains.Storage;

/// <summary>
/// A grain state provider. It stores opaque payloads with optimistic concurrency: every write and clear names the ETag
/// it expects (null: "nothing was ever stored") and fails with <see cref="InconsistentStateException"/> when storage
/// holds another. A completed write is durable. ETags never repeat for a key, clears included.
/// </summary>
public interface IGrainStorage
{
    /// <summary>The stored record, or null when nothing was ever stored for the key.</summary>
    Task<GrainStateRecord?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="data"/> if the current ETag is <paramref name="expectedEtag"/>; returns the new ETag.</summary>
    Task<string> WriteAsync(GrainStateKey key, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default);

    /// <summary>
    /// Clears the payload if the current ETag is <paramref name="expectedEtag"/>; returns the tombstone's ETag. Clearing a
    /// key never written (expected null) succeeds and leaves a tombstone.
    /// </summary>
    Task<string> ClearAsync(GrainStateKey key, string? expectedEtag, CancellationToken cancellationToken = default);
}
