namespace Grains;

/// <summary>
/// Stands in for an exception thrown by a grain on the far side of a serialized call whose type could not be
/// recreated here; <see cref="OriginalTypeName"/> names it.
/// </summary>
public sealed class RemoteGrainException : Exception
{
    public RemoteGrainException() { }

    public RemoteGrainException(string message) : base(message) { }

    public RemoteGrainException(string message, Exception innerException) : base(message, innerException) { }

    public RemoteGrainException(string originalTypeName, string message) : base(message) => OriginalTypeName = originalTypeName;

    public string? OriginalTypeName { get; }
}
