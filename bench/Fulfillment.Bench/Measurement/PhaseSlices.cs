namespace Fulfillment.Bench.Measurement;

/// <summary>
/// A phase cut into slices of about one second (at least one), so a run can alternate loads, or show how a rate
/// moves over the phase, at that grain.
/// </summary>
internal readonly record struct PhaseSlices(int Count, TimeSpan Length)
{
    public static PhaseSlices OfAboutOneSecond(double seconds)
    {
        var count = Math.Max(1, (int)Math.Round(seconds));
        return new PhaseSlices(count, TimeSpan.FromSeconds(seconds / count));
    }
}
