namespace Grains.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Starts a timer whose tick N waits at gate "{key}-tick-N".</summary>
    Task Start(TimeSpan dueTime, TimeSpan period);

    Task Stop();

    [ReadOnly]
    Task<int> MaxConcurrentTicks();

    Task Deactivate();
}
