namespace Grains;

/// <summary>
/// Gives a grain class a stable type name. Persisted state and reminders are keyed by it, so set it before the first
/// deployment and never change it. Without it the name is the class name without a trailing "Grain", lower-cased.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
