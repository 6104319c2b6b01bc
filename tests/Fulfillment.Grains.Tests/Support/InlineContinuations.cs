namespace Fulfillment.Grains.Tests.Support;

/// <summary>
/// Lets a unit test of turn-based code (which awaits on whatever context it runs in) see continuations run inline when
/// it completes a task, as they do inside a grain's turn, instead of posted to the test framework's context.
/// </summary>
public static class InlineContinuations
{
    public static void Enter() => SynchronizationContext.SetSynchronizationContext(null);
}
