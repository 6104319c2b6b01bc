using Grains.Runtime;

namespace Grains;

public static class GrainReferenceExtensions
{
    /// <summary>
    /// A reference to the same grain whose calls get <paramref name="timeout"/> as their deadline, whatever the
    /// method's or the silo's default.
    /// </summary>
    public static TGrainInterface WithResponseTimeout<TGrainInterface>(this TGrainInterface grain, TimeSpan timeout)
        where TGrainInterface : IAddressable
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var reference = grain as GrainReference
            ?? throw new ArgumentException("Only grain references made by IGrainFactory.GetGrain can carry a response timeout.", nameof(grain));
        return (TGrainInterface)(object)reference.WithResponseTimeout(timeout);
    }

    /// <summary>The identity of a grain reference.</summary>
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        GrainReference reference => reference.GrainId,
        Grain activation => activation.GrainId,
        _ => throw new ArgumentException("Not a grain or grain reference.", nameof(grain)),
    };

    /// <summary>The string key of a grain reference.</summary>
    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;
}
