namespace Grains.CodeGen;

/// <summary>Names of the pipeline steps, so tests can check that an unrelated edit leaves them cached.</summary>
internal static class TrackingNames
{
    public const string GrainInterfaces = nameof(GrainInterfaces);
    public const string GrainClasses = nameof(GrainClasses);
    public const string GrainAssembly = nameof(GrainAssembly);
}
