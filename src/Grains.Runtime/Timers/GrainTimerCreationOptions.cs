namespace Grains;

/// <summary>How a grain timer ticks.</summary>
public readonly record struct GrainTimerCreationOptions
{
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>Time until the first tick.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>Time from the end of one tick to the start of the next; <see cref="Timeout.InfiniteTimeSpan"/> ticks once.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>Ticks may interleave with requests instead of waiting for them. Default false.</summary>
    public bool Interleave { get; init; }

    /// <summary>Ticks count as activity and keep the activation from being collected. Default false.</summary>
    public bool KeepAlive { get; init; }
}
