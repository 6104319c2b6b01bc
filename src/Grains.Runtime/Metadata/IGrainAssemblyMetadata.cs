using System.ComponentModel;

namespace Grains.Runtime;

/// <summary>Generated once per assembly: registers its grain interfaces, methods and grain classes.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGrainAssemblyMetadata
{
    void Populate(GrainMetadataBuilder builder);
}
