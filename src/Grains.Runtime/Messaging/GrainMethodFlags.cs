namespace Grains.Runtime;

/// <summary>How a request of a grain method may interleave with other requests of the same activation.</summary>
[Flags]
public enum GrainMethodFlags
{
    None = 0,

    /// <summary>Interleaves with other read-only requests.</summary>
    ReadOnly = 1,

    /// <summary>Interleaves with every request.</summary>
    AlwaysInterleave = 2,
}
