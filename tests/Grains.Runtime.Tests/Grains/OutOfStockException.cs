namespace Grains.Runtime.Tests.Grains;

/// <summary>A domain exception: callers must be able to catch it by type across the call path.</summary>
public sealed class OutOfStockException : Exception
{
    public OutOfStockException() { }

    public OutOfStockException(string message) : base(message) { }

    public OutOfStockException(string message, Exception innerException) : base(message, innerException) { }
}
