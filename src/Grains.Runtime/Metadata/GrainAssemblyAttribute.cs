using System.ComponentModel;

namespace Grains.Runtime;

/// <summary>Points at the generated metadata of an assembly's grain interfaces and grain classes.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class GrainAssemblyAttribute(Type metadataType) : Attribute
{
    public Type MetadataType { get; } = metadataType;
}
