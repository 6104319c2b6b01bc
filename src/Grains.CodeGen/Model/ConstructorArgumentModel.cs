namespace Grains.CodeGen.Model;

/// <summary>One argument of the constructor an activator calls.</summary>
/// <param name="Kind">Where the argument comes from.</param>
/// <param name="Type">The fully qualified parameter type; for persistent state, the state type.</param>
/// <param name="StateName">For persistent state, the state's name.</param>
/// <param name="StorageName">For persistent state, the storage provider's name; null for the default one.</param>
/// <param name="Fallback">For optional services, the C# expression used when the service is missing.</param>
internal sealed record ConstructorArgumentModel(
    ConstructorArgumentKind Kind,
    string Type,
    string? StateName,
    string? StorageName,
    string? Fallback);
