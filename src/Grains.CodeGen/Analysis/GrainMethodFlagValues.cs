namespace Grains.CodeGen.Analysis;

/// <summary>The values of <c>Grains.Runtime.GrainMethodFlags</c>, which the generator cannot reference.</summary>
internal static class GrainMethodFlagValues
{
    public const int ReadOnly = 1;
    public const int AlwaysInterleave = 2;
}
