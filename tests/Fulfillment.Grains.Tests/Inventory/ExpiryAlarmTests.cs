using Fulfillment.Grains.Inventory;
using Fulfillment.Grains.Tests.Support;

namespace Fulfillment.Grains.Tests.Inventory;

public sealed class ExpiryAlarmTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private readonly List<(DateTimeOffset DueAt, TaskCompletionSource Done)> _registrations = [];
    private readonly ExpiryAlarm _alarm;

    public ExpiryAlarmTests()
    {
        _alarm = new ExpiryAlarm(dueAt =>
        {
            var done = new TaskCompletionSource();
            _registrations.Add((dueAt, done));
            return done.Task;
        });
    }

    [Fact]
    public void Covers_OnlyOnceTheRegistrationIsDurable()
    {
        InlineContinuations.Enter();
        var arming = _alarm.EnsureAsync(T0.AddMinutes(5));

        Assert.False(_alarm.Covers(T0.AddMinutes(5)));
        _registrations[0].Done.SetResult();

        Assert.True(arming.IsCompletedSuccessfully);
        Assert.True(_alarm.Covers(T0.AddMinutes(5)));
        Assert.True(_alarm.Covers(T0.AddMinutes(9)));
        Assert.False(_alarm.Covers(T0.AddMinutes(4)));
    }

    [Fact]
    public void EnsureAsync_LaterExpiry_RegistersNothingMore()
    {
        InlineContinuations.Enter();
        _alarm.EnsureAsync(T0.AddMinutes(5));
        _registrations[0].Done.SetResult();

        Assert.True(_alarm.EnsureAsync(T0.AddMinutes(8)).IsCompletedSuccessfully);
        Assert.True(_alarm.EnsureAsync(T0.AddMinutes(5)).IsCompletedSuccessfully);
        Assert.Single(_registrations);
    }

    [Fact]
    public void EnsureAsync_EarlierExpiries_RegisterOneAfterAnother_EarliestLast()
    {
        InlineContinuations.Enter();
        var first = _alarm.EnsureAsync(T0.AddMinutes(5));
        var second = _alarm.EnsureAsync(T0.AddMinutes(3));

        Assert.Single(_registrations);
        _registrations[0].Done.SetResult();
        Assert.Equal(2, _registrations.Count);
        Assert.False(_alarm.Covers(T0.AddMinutes(5)));
        _registrations[1].Done.SetResult();

        Assert.True(first.IsCompletedSuccessfully && second.IsCompletedSuccessfully);
        Assert.Equal([T0.AddMinutes(5), T0.AddMinutes(3)], _registrations.Select(r => r.DueAt));
        Assert.Equal(T0.AddMinutes(3), _alarm.DueAt);
    }

    [Fact]
    public async Task EnsureAsync_RegistrationFails_NothingIsCoveredAndTheNextCallRegistersAgain()
    {
        InlineContinuations.Enter();
        var arming = _alarm.EnsureAsync(T0.AddMinutes(5));
        _registrations[0].Done.SetException(new IOException("reminder table down"));

        await Assert.ThrowsAsync<IOException>(() => arming);
        Assert.Null(_alarm.DueAt);
        Assert.False(_alarm.Covers(T0.AddMinutes(5)));
        _ = _alarm.EnsureAsync(T0.AddMinutes(5));
        _registrations[1].Done.SetResult();
        Assert.True(_alarm.Covers(T0.AddMinutes(5)));
    }

    [Fact]
    public void Fired_TheArmedReminder_CoversNothingMore()
    {
        InlineContinuations.Enter();
        _alarm.EnsureAsync(T0.AddMinutes(5));
        _registrations[0].Done.SetResult();

        _alarm.Fired(T0.AddMinutes(5));

        Assert.Null(_alarm.DueAt);
        Assert.False(_alarm.Covers(T0.AddMinutes(9)));
    }

    [Fact]
    public void Fired_AnOlderReminder_KeepsTheRegistrationMadeSince()
    {
        InlineContinuations.Enter();
        _alarm.Adopt(T0.AddMinutes(1));
        _alarm.Fired(T0.AddMinutes(1));
        _alarm.EnsureAsync(T0.AddMinutes(7));
        _registrations[0].Done.SetResult();

        _alarm.Fired(T0.AddMinutes(1));

        Assert.Equal(T0.AddMinutes(7), _alarm.DueAt);
        Assert.True(_alarm.Covers(T0.AddMinutes(7)));
    }
}
