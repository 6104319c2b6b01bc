namespace Grains;

/// <summary>
/// A stable wire name for a grain interface or one of its methods, so renaming the C# symbol never breaks messages in
/// flight between silos of different versions.
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method, Inherited = false)]
public sealed class AliasAttribute(string alias) : Attribute
{
    public string Alias { get; } = alias;
}
