namespace Grains;

/// <summary>A timer bound to one activation. Ticks take turns like requests and never overlap; it stops when the activation deactivates.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Re-arms the timer: first tick after <paramref name="dueTime"/>, then every <paramref name="period"/> after each tick completes.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
