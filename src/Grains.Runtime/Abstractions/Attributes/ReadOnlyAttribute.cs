namespace Grains;

/// <summary>
/// Marks a grain method that does not change state: read-only requests may interleave with each other, never with a
/// request that is not read-only.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ReadOnlyAttribute : Attribute;
