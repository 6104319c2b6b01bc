namespace Grains;

/// <summary>Marks a grain method whose requests may interleave with any other request of the grain.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AlwaysInterleaveAttribute : Attribute;
