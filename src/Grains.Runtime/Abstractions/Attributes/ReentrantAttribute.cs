namespace Grains;

/// <summary>Lets requests to this grain class interleave at await points instead of running one at a time.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute;
