using System.Globalization;

namespace Fulfillment.Bench.Results;

/// <summary>Number formatting for summaries and rounding for the JSON, culture-independent.</summary>
internal static class Format
{
    public static string Count(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Fixed(double value, int decimals = 2) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>Rounds for the JSON line: enough digits to compare runs, not float noise.</summary>
    public static double Round(double value, int decimals = 3) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>Microseconds (as <c>LatencyDistribution</c> reports them) as rounded milliseconds for the JSON line.</summary>
    public static double Milliseconds(double microseconds) => Round(microseconds / 1000);

    /// <summary>A reading that may be missing (such as the machine's CPU off Linux): fixed-point, or "n/a".</summary>
    public static string FixedOrNa(double? value) => value is { } known ? Fixed(known) : "n/a";
}
