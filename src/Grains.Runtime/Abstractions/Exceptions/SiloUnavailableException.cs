namespace Grains;

/// <summary>The silo cannot take the call: it is shutting down, stopped, or does not own the grain's partition.</summary>
public sealed class SiloUnavailableException : Exception
{
    public SiloUnavailableException() { }

    public SiloUnavailableException(string message) : base(message) { }

    public SiloUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
