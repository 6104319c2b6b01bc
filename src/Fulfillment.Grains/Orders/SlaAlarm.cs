namespace Fulfillment.Grains.Orders;

/// <summary>
/// The one durable reminder of an order, kept due at its next SLA deadline. The rule that keeps a crash from losing a
/// deadline: a reminder is moved earlier before the state that needs it is written (<see cref="EarlierAsync"/>), and
/// moved later or removed only after the state that allows it is durable (<see cref="SettleAsync"/>). A reminder
/// that fires early finds nothing due and is re-armed, which is harmless. Used from grain code only (one turn at a
/// time, no locks).
/// </summary>
internal sealed class SlaAlarm
{
    private readonly Func<DateTimeOffset, Task> _register;
    private readonly Func<Task> _unregister;

    /// <param name="register">Registers (or moves) the reminder to the given due time, durably.</param>
    /// <param name="unregister">Removes the reminder.</param>
    public SlaAlarm(Func<DateTimeOffset, Task> register, Func<Task> unregister)
    {
        _register = register;
        _unregister = unregister;
    }

    /// <summary>When the registered reminder is due; null when none is known to be registered.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>Takes over the reminder found registered when the grain activated (null: none).</summary>
    public void Adopt(DateTimeOffset? registeredDueAt) => DueAt = registeredDueAt;

    /// <summary>The reminder due at <paramref name="firedAt"/> was delivered and will be removed, unless it was moved since.</summary>
    public void Fired(DateTimeOffset firedAt)
    {
        if (DueAt <= firedAt)
        {
            DueAt = null;
        }
    }

    /// <summary>Before a write: makes sure a reminder is due no later than <paramref name="deadline"/> (nothing to do for none).</summary>
    public Task EarlierAsync(DateTimeOffset? deadline) =>
        deadline is { } due && (DueAt is null || due < DueAt) ? MoveAsync(due) : Task.CompletedTask;

    /// <summary>After a write: the reminder is due exactly at <paramref name="deadline"/>, or gone when there is none.</summary>
    public async Task SettleAsync(DateTimeOffset? deadline)
    {
        if (deadline == DueAt)
        {
            return;
        }

        if (deadline is { } due)
        {
            await MoveAsync(due);
            return;
        }

        await _unregister();
        DueAt = null;
    }

    private async Task MoveAsync(DateTimeOffset due)
    {
        try
        {
            await _register(due);
            DueAt = due;
        }
        catch
        {
            // Whether the table holds the old or the new due time is unknown: register again next time.
            DueAt = null;
            throw;
        }
    }
}
