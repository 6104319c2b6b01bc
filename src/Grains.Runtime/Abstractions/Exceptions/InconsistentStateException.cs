namespace Grains;

/// <summary>
/// A state write lost an optimistic-concurrency race: the stored ETag is not the one this activation read. The
/// activation deactivates so the next call reloads the current state.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException() { }

    public InconsistentStateException(string message) : base(message) { }

    public InconsistentStateException(string message, Exception innerException) : base(message, innerException) { }

    public InconsistentStateException(string message, string? storedEtag, string? currentEtag) : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The ETag found in storage, when the provider knows it.</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the writer expected.</summary>
    public string? CurrentEtag { get; }
}
