using Grains.Reminders;
using Grains.Runtime.Tests.Grains;
using Grains.Runtime.Tests.Support;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Tests.Reminders;

public abstract class ReminderTests : RuntimeTestBase
{
    [Fact]
    public async Task OneShotReminder_GrainNotActive_WakesGrainExactlyAtDueTime()
    {
        var grain = Grains.GetGrain<IReminderGrain>("sleeper");
        var dueAt = Silo.Time.GetUtcNow().AddMinutes(30);
        await grain.Schedule("sla", dueAt);
        await grain.Deactivate();
        await Silo.WhenDeactivated(grain);

        Silo.Time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, Signals.Count("reminder:sleeper:sla"));
        Silo.Time.Advance(TimeSpan.FromMilliseconds(1));

        await Signals.WaitFor("reminder:sleeper:sla");
        var tick = Assert.IsType<TickStatus>(Signals.Values("reminder:sleeper:sla").Single());
        Assert.Equal(dueAt, tick.CurrentTickTime);
        Assert.Equal(TimeSpan.Zero, tick.Period);
    }

    [Fact]
    public async Task OneShotReminder_AfterDelivery_DoesNotFireAgain()
    {
        var grain = Grains.GetGrain<IReminderGrain>("once");
        await grain.Schedule("only", Silo.Time.GetUtcNow().AddMinutes(1));
        Silo.Time.Advance(TimeSpan.FromMinutes(1));
        await Signals.WaitFor("reminder:once:only");

        Silo.Time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, Signals.Count("reminder:once:only"));
        Assert.Empty(await grain.Registered());
    }

    [Fact]
    public async Task PeriodicReminder_FiresEveryPeriod()
    {
        var grain = Grains.GetGrain<IReminderGrain>("periodic");
        var start = Silo.Time.GetUtcNow();
        await grain.SchedulePeriodic("heartbeat", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));

        for (var tick = 1; tick <= 3; tick++)
        {
            Silo.Time.Advance(tick == 1 ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(5));
            await Signals.WaitFor("reminder:periodic:heartbeat", tick);
        }

        var ticks = Signals.Values("reminder:periodic:heartbeat").Cast<TickStatus>().Select(t => t.CurrentTickTime - start);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(11)], ticks);
    }

    [Fact]
    public async Task UnregisteredReminder_NeverFires()
    {
        var grain = Grains.GetGrain<IReminderGrain>("cancelled");
        var now = Silo.Time.GetUtcNow();
        await grain.Schedule("drop", now.AddMinutes(10));
        await grain.Schedule("keep", now.AddMinutes(20));

        await grain.Cancel("drop");
        Silo.Time.Advance(TimeSpan.FromMinutes(20));
        await Signals.WaitFor("reminder:cancelled:keep");

        Assert.Equal(0, Signals.Count("reminder:cancelled:drop"));
        Assert.Empty(await grain.Registered());
    }

    [Fact]
    public async Task ReRegisteredReminder_FiresOnlyAtItsNewTime()
    {
        var grain = Grains.GetGrain<IReminderGrain>("moved");
        var now = Silo.Time.GetUtcNow();
        await grain.Schedule("sla", now.AddMinutes(10));
        await grain.Schedule("marker", now.AddMinutes(15));

        await grain.Schedule("sla", now.AddMinutes(20));
        Silo.Time.Advance(TimeSpan.FromMinutes(15));
        await Signals.WaitFor("reminder:moved:marker");
        Assert.Equal(0, Signals.Count("reminder:moved:sla"));
        Silo.Time.Advance(TimeSpan.FromMinutes(5));

        await Signals.WaitFor("reminder:moved:sla");
        Assert.Equal(now.AddMinutes(20), Assert.IsType<TickStatus>(Signals.Values("reminder:moved:sla").Single()).CurrentTickTime);
    }

    [Fact]
    public async Task FailedDelivery_IsRetriedWithBackoffUntilAccepted()
    {
        var grain = Grains.GetGrain<IReminderGrain>("stubborn");
        await grain.FailNext(2);
        await grain.Schedule("retry", Silo.Time.GetUtcNow().AddMinutes(1));

        Silo.Time.Advance(TimeSpan.FromMinutes(1));
        await Signals.WaitFor("reminder-failed:stubborn:retry");
        Silo.Time.Advance(TimeSpan.FromSeconds(1));
        await Signals.WaitFor("reminder-failed:stubborn:retry", 2);
        Silo.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, Signals.Count("reminder:stubborn:retry"));
        Silo.Time.Advance(TimeSpan.FromSeconds(1));

        await Signals.WaitFor("reminder:stubborn:retry");
    }

    [Fact]
    public async Task ReminderBeyondLoadWindow_IsLoadedAsTheWindowMovesAndFiresOnTime()
    {
        var grain = Grains.GetGrain<IReminderGrain>("far");
        var dueAt = Silo.Time.GetUtcNow().AddHours(3).AddSeconds(7);
        await grain.Schedule("promise", dueAt);

        Silo.Time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, Signals.Count("reminder:far:promise"));
        Silo.Time.Advance(TimeSpan.FromSeconds(7));

        await Signals.WaitFor("reminder:far:promise");
        Assert.Equal(dueAt, Assert.IsType<TickStatus>(Signals.Values("reminder:far:promise").Single()).CurrentTickTime);
    }

    [Fact]
    public async Task Reminder_SurvivesKillAndFiresOnTheNextSilo()
    {
        var table = new MemoryReminderTable();
        var time = new ManualTimeProvider();
        await RestartSiloAsync(time: time, services: s => s.AddSingleton<IReminderTable>(table));
        await Grains.GetGrain<IReminderGrain>("phoenix").Schedule("wake", time.GetUtcNow().AddMinutes(10));

        await RestartSiloAsync(time: time, services: s => s.AddSingleton<IReminderTable>(table));
        time.Advance(TimeSpan.FromMinutes(10));

        await Signals.WaitFor("reminder:phoenix:wake");
    }

    [Fact]
    public async Task GrainThatIsNotRemindable_CannotRegisterReminder()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Grains.GetGrain<INotRemindableGrain>("n").TryRegister());

        Assert.Contains("IRemindable", error.Message);
    }

    [Fact]
    public async Task PeriodicReminder_ShorterThanMinimumPeriod_IsRejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Grains.GetGrain<IReminderGrain>("fast").SchedulePeriodic("spin", TimeSpan.Zero, TimeSpan.FromSeconds(5)));

        Assert.Contains("MinimumPeriod", error.Message);
    }
}
