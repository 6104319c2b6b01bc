namespace Grains;

/// <summary>
/// On a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the named state, read from the
/// named storage provider before the grain activates.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    /// <summary>The storage provider's name; <c>null</c> means the default provider.</summary>
    public string? StorageName { get; } = storageName;
}
