namespace Fulfillment.Grains.Inventory;

/// <summary>
/// The one durable reminder that expires a position's holds, due at (or before) the earliest expiry — never one
/// reminder per hold. The rule that keeps a crash from stranding a hold: a hold is added to the state only once
/// <see cref="Covers"/> says a reminder due no later than its expiry is durably registered, so every state write that
/// contains a hold happens after the reminder for it. Registrations run one after another, each due earlier than the
/// last, so the table ends with the earliest. Used from grain code only (one turn at a time, no locks).
/// </summary>
internal sealed class ExpiryAlarm
{
    private readonly Func<DateTimeOffset, Task> _register;
    private DateTimeOffset? _dueAt;
    private Task _registering = Task.CompletedTask;

    /// <param name="register">Registers (or moves) the reminder to the given due time, durably.</param>
    public ExpiryAlarm(Func<DateTimeOffset, Task> register)
    {
        _register = register;
    }

    /// <summary>When the reminder is (or is being registered to be) due; null when no reminder is known.</summary>
    public DateTimeOffset? DueAt => _dueAt;

    /// <summary>True when a reminder due no later than <paramref name="expiresAt"/> is durably registered.</summary>
    public bool Covers(DateTimeOffset expiresAt) => _dueAt <= expiresAt && _registering.IsCompletedSuccessfully;

    /// <summary>Completes once a reminder due no later than <paramref name="expiresAt"/> is registered (re-check <see cref="Covers"/> after).</summary>
    public Task EnsureAsync(DateTimeOffset expiresAt)
    {
        if (_dueAt <= expiresAt)
        {
            return _registering;
        }

        _dueAt = expiresAt;
        return _registering = RegisterAfterAsync(_registering, expiresAt);
    }

    /// <summary>Takes over a reminder found registered when the grain activated.</summary>
    public void Adopt(DateTimeOffset registeredDueAt) => _dueAt = registeredDueAt;

    /// <summary>
    /// The reminder due at <paramref name="firedAt"/> was delivered and will be removed: it guards nothing from now on,
    /// unless a registration made since is due later (that one replaced it in the table).
    /// </summary>
    public void Fired(DateTimeOffset firedAt)
    {
        if (_dueAt <= firedAt)
        {
            _dueAt = null;
        }
    }

    private async Task RegisterAfterAsync(Task previous, DateTimeOffset dueAt)
    {
        try
        {
            await previous;
        }
        catch
        {
            // That failure was reported to its own callers; this registration is due earlier and stands on its own.
        }

        try
        {
            await _register(dueAt);
        }
        catch
        {
            if (_dueAt == dueAt)
            {
                _dueAt = null;
            }

            throw;
        }
    }
}
