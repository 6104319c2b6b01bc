namespace Grains;

/// <summary>
/// A call would wait for a request that is itself waiting for this call (for example A → B → A on a non-reentrant A).
/// Mark the method <see cref="AlwaysInterleaveAttribute"/> or the grain <see cref="ReentrantAttribute"/> if the cycle is intended.
/// </summary>
public sealed class DeadlockException : Exception
{
    public DeadlockException() { }

    public DeadlockException(string message) : base(message) { }

    public DeadlockException(string message, Exception innerException) : base(message, innerException) { }
}
