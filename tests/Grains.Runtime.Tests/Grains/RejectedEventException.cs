namespace Grains.Runtime.Tests.Grains;

/// <summary>A failure no retry can cure, as a domain rule would raise it.</summary>
public sealed class RejectedEventException : InvalidOperationException, INonTransientException
{
    public RejectedEventException()
    {
    }

    public RejectedEventException(string message)
        : base(message)
    {
    }

    public RejectedEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
