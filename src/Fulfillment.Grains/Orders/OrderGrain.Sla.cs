using Grains;

namespace Fulfillment.Grains.Orders;

internal sealed partial class OrderGrain : IRemindable
{
    /// <summary>
    /// The order's deadline came: raises what is due (and resolves what no longer is) with no event needed, then re-arms
    /// the reminder for the next deadline. The fired reminder stays in the table until this returns, so a crash before
    /// the write delivers it again.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SlaReminder)
        {
            return;
        }

        _alarm.Fired(status.CurrentTickTime);
        await CommitAsync(_time.GetUtcNow(), changed: false, mustWrite: false);
    }
}
