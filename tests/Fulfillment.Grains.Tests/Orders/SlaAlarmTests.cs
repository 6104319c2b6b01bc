using Fulfillment.Grains.Orders;

namespace Fulfillment.Grains.Tests.Orders;

public sealed class SlaAlarmTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private readonly List<DateTimeOffset?> _table = [];
    private readonly SlaAlarm _alarm;

    public SlaAlarmTests()
    {
        _alarm = new SlaAlarm(
            dueAt =>
            {
                _table.Add(dueAt);
                return Task.CompletedTask;
            },
            () =>
            {
                _table.Add(null);
                return Task.CompletedTask;
            });
    }

    [Fact]
    public async Task EarlierAsync_OnlyEverMovesTheReminderEarlier()
    {
        await _alarm.EarlierAsync(T0.AddMinutes(30));
        await _alarm.EarlierAsync(T0.AddMinutes(40));
        await _alarm.EarlierAsync(null);
        await _alarm.EarlierAsync(T0.AddMinutes(10));

        Assert.Equal([T0.AddMinutes(30), T0.AddMinutes(10)], _table);
        Assert.Equal(T0.AddMinutes(10), _alarm.DueAt);
    }

    [Fact]
    public async Task SettleAsync_MovesItExactly_OrRemovesIt()
    {
        await _alarm.EarlierAsync(T0.AddMinutes(10));

        await _alarm.SettleAsync(T0.AddMinutes(10));
        await _alarm.SettleAsync(T0.AddHours(4));
        await _alarm.SettleAsync(null);
        await _alarm.SettleAsync(null);

        Assert.Equal([T0.AddMinutes(10), T0.AddHours(4), null], _table);
        Assert.Null(_alarm.DueAt);
    }

    [Fact]
    public async Task Fired_TheReminderIsGone_SoTheNextDeadlineRegistersAgain()
    {
        _alarm.Adopt(T0.AddMinutes(30));
        _alarm.Fired(T0.AddMinutes(30));

        await _alarm.SettleAsync(T0.AddHours(4));

        Assert.Equal([T0.AddHours(4)], _table);
    }

    [Fact]
    public async Task RegistrationFails_NothingIsAssumedRegistered()
    {
        var failing = new SlaAlarm(_ => Task.FromException(new IOException("reminder table down")), () => Task.CompletedTask);

        await Assert.ThrowsAsync<IOException>(() => failing.EarlierAsync(T0));

        Assert.Null(failing.DueAt);
    }
}
