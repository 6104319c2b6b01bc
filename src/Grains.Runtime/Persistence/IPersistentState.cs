namespace Grains;

/// <summary>
/// A grain's persisted state, read before activation and written explicitly. Writes are optimistic: each carries the
/// ETag it read, and a write that finds a newer ETag throws <see cref="InconsistentStateException"/>.
/// </summary>
public interface IPersistentState<TState>
{
    /// <summary>The state; a new instance when nothing is stored.</summary>
    TState State { get; set; }

    /// <summary>The version last read or written; <c>null</c> before anything was ever stored.</summary>
    string? Etag { get; }

    /// <summary>True when storage holds a record for this state (false before the first write and after a clear).</summary>
    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Completes once the provider has durably stored <see cref="State"/>.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the stored state and resets <see cref="State"/> to a new instance.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
