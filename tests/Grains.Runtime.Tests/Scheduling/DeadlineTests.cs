using Grains.Runtime.Tests.Grains;
using Grains.Runtime.Tests.Support;
using Grains.Testing;

namespace Grains.Runtime.Tests.Scheduling;

public abstract class DeadlineTests : RuntimeTestBase
{
    [Fact]
    public async Task Call_NoResponseWithinDefaultDeadline_FailsWithTimeout()
    {
        var call = Grains.GetGrain<IWorkGrain>("slow").Work("never-1");
        await Signals.WaitFor("entered:never-1");

        Silo.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        Silo.Time.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("Work", error.Message);
        Assert.Equal(0, Silo.PendingCalls);
    }

    [Fact]
    public async Task Call_ReferenceWithResponseTimeout_UsesItsDeadline()
    {
        var call = Grains.GetGrain<IWorkGrain>("slow").WithResponseTimeout(TimeSpan.FromSeconds(3)).Work("never-2");
        await Signals.WaitFor("entered:never-2");

        Silo.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(call.IsCompleted);
        Silo.Time.Advance(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<TimeoutException>(() => call);
    }

    [Fact]
    public async Task Call_MethodWithResponseTimeoutAttribute_UsesItsDeadline()
    {
        var call = Grains.GetGrain<IWorkGrain>("slow").ShortDeadline("never-3");
        await Signals.WaitFor("entered:never-3");

        Silo.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(call.IsCompleted);
        Silo.Time.Advance(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<TimeoutException>(() => call);
    }

    [Fact]
    public async Task QueuedRequest_DeadlinePassedBeforeItsTurn_IsNeverRun()
    {
        var grain = Grains.GetGrain<IWorkGrain>("late");
        var holder = grain.Work("late-hold");
        await Signals.WaitFor("entered:late-hold");
        var queued = grain.Work("late-queued");

        Silo.Time.Advance(TimeSpan.FromSeconds(31));
        await Assert.ThrowsAsync<TimeoutException>(() => queued);
        Gates.Open("late-hold");
        await Assert.ThrowsAsync<TimeoutException>(() => holder);

        Assert.Equal(1, await grain.Executions());
        Assert.Equal(0, Signals.Count("entered:late-queued"));
    }

    [Fact]
    public async Task Call_CompletingInTime_IsNotAffectedByLaterDeadline()
    {
        var grain = Grains.GetGrain<IWorkGrain>("in-time");
        var call = grain.Work("in-time-gate");
        await Signals.WaitFor("entered:in-time-gate");
        Silo.Time.Advance(TimeSpan.FromSeconds(20));
        Gates.Open("in-time-gate");

        Assert.Equal(1, await call);
        Silo.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(call.IsCompletedSuccessfully);
    }
}
