namespace Grains.Storage;

/// <summary>Where one named state of one grain is stored.</summary>
public readonly record struct GrainStateKey(string GrainType, string GrainKey, string StateName)
{
    public static GrainStateKey For(GrainId grainId, string stateName) => new(grainId.Type.Name, grainId.Key, stateName);

    public override string ToString() => $"{GrainType}/{GrainKey}#{StateName}";
}
