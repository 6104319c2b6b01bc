using Grains;

namespace Fulfillment.Grains.Inventory;

internal sealed partial class InventoryGrain
{
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ExpiryReminder)
        {
            return;
        }

        _alarm.Fired(status.CurrentTickTime);
        var now = _time.GetUtcNow();
        var expired = ReleaseExpired(now);

        // Re-armed for the next earliest expiry before this delivery is acknowledged: until then the fired reminder
        // stays in the table and would be delivered again, so no hold is ever without one.
        if (State.NextExpiry is { } next)
        {
            await ArmAsync(next);
        }

        if (expired > 0)
        {
            await CommitAsync(Stamp(now));
        }
    }

    /// <summary>Returns once a reminder due no later than <paramref name="expiresAt"/> is durably registered.</summary>
    private async Task ArmAsync(DateTimeOffset expiresAt)
    {
        while (!_alarm.Covers(expiresAt))
        {
            await _alarm.EnsureAsync(expiresAt);
        }
    }
}
