namespace Grains;

/// <summary>The activation's mailbox is full; the call was refused without being queued. Retry later.</summary>
public sealed class GrainOverloadedException : Exception
{
    public GrainOverloadedException() { }

    public GrainOverloadedException(string message) : base(message) { }

    public GrainOverloadedException(string message, Exception innerException) : base(message, innerException) { }
}
