namespace Grains.CodeGen.Model;

/// <summary>Everything one compilation generates from: its valid grain interfaces and grain classes.</summary>
internal sealed record GrainAssemblyModel(
    string AssemblyName,
    EquatableArray<GrainInterfaceModel> Interfaces,
    EquatableArray<GrainClassModel> GrainClasses)
{
    public bool IsEmpty => Interfaces.IsEmpty && GrainClasses.IsEmpty;
}
