using System.Globalization;

namespace Fulfillment.Bench.Measurement;

/// <summary>
/// The machine's busy processor time from <c>/proc/stat</c> (Linux), so a run can tell its own CPU use from other
/// processes' on a shared box. Elsewhere every reading is null.
/// </summary>
internal static class MachineCpu
{
    private const string StatPath = "/proc/stat";

    /// <summary>Busy time of all processors (user, nice, system, irq, softirq, steal), or null when not on Linux.</summary>
    public static TimeSpan? BusyTime()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(StatPath))
        {
            return null;
        }

        // First line: "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in clock ticks (USER_HZ, 100 on Linux).
        using var reader = new StreamReader(StatPath);
        var fields = reader.ReadLine()?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is not { Length: >= 9 } || fields[0] != "cpu")
        {
            return null;
        }

        long busy = 0;
        foreach (var index in (int[])[1, 2, 3, 6, 7, 8])
        {
            busy += long.Parse(fields[index], CultureInfo.InvariantCulture);
        }

        return TimeSpan.FromMilliseconds(busy * 10.0);
    }

    /// <summary>
    /// Cores the whole machine kept busy since <paramref name="start"/> (a <see cref="BusyTime"/> reading), rounded; above
    /// a run's own busy cores, other processes competed. Null when not on Linux.
    /// </summary>
    public static double? BusyCoresSince(TimeSpan? start, TimeSpan elapsed) =>
        start is { } from && BusyTime() is { } to ? Math.Round((to - from) / elapsed, 2, MidpointRounding.AwayFromZero) : null;
}
