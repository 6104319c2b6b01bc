namespace Grains;

public abstract partial class Grain
{
    /// <summary>
    /// Registers a timer bound to this activation. Each tick runs as a turn of the grain (so it sees consistent state),
    /// the next tick is armed when the previous one completes, and the timer stops when the activation deactivates.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        Activation.RegisterTimer(callback, options);

    /// <inheritdoc cref="RegisterGrainTimer(Func{CancellationToken, Task}, GrainTimerCreationOptions)"/>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Activation.RegisterTimer(callback, new GrainTimerCreationOptions(dueTime, period));
}
