using Fulfillment.Contracts.Inventory;

namespace Fulfillment.Grains.Inventory;

/// <summary>
/// Pushes an inventory grain's rows to its SKU's availability grain without making a request wait for the push. At
/// most one push is in flight; a newer row replaces one still waiting, so rows arrive in version order and a hot SKU
/// sends one push per round trip, not one per change. Skipping a version loses nothing: the receiver keeps only the
/// highest. A failed push is retried (the newest row) after a delay. <see cref="Publish"/> returns when the view holds
/// the row (or a newer one), so a request answered after it gives read-your-write ATP; when the push fails it returns
/// too (the change is durable; the view catches up on the retry). Used from grain code only (one turn at a time).
/// </summary>
internal sealed class RowPublisher
{
    private readonly Func<InventoryRow, Task> _send;
    private readonly Action<InventoryRow, Exception> _failed;
    private readonly Action _scheduleRetry;
    private readonly Queue<(long Version, TaskCompletionSource Pushed)> _waiters = new();
    private InventoryRow? _waiting;
    private InventoryRow? _unsent;
    private long _highest;
    private bool _sending;
    private bool _retryScheduled;

    /// <param name="send">Delivers one row.</param>
    /// <param name="failed">Reports a failed delivery.</param>
    /// <param name="scheduleRetry">Arranges for <see cref="Retry"/> to be called later.</param>
    public RowPublisher(Func<InventoryRow, Task> send, Action<InventoryRow, Exception> failed, Action scheduleRetry)
    {
        _send = send;
        _failed = failed;
        _scheduleRetry = scheduleRetry;
    }

    /// <summary>Rows handed to the receiver and acknowledged, for diagnostics and tests.</summary>
    public long Sent { get; private set; }

    /// <summary>
    /// Publishes <paramref name="row"/> unless a newer row was already published; completes once a push of this row or
    /// a newer one has ended (delivered, or failed and scheduled for retry). Never faults.
    /// </summary>
    public Task Publish(InventoryRow row)
    {
        if (row.Version <= _highest)
        {
            // An older row than one already published: it waits for that one's push like its own.
            return _sending || _waiting is not null ? Wait(_highest) : Task.CompletedTask;
        }

        _highest = row.Version;
        _waiting = row;
        _unsent = null;
        var pushed = Wait(row.Version);
        if (!_sending)
        {
            _ = PumpAsync();
        }

        return pushed;
    }

    /// <summary>Sends again the row whose push failed, unless a newer one went since.</summary>
    public void Retry()
    {
        _retryScheduled = false;
        if (_unsent is { } row && _waiting is null)
        {
            _unsent = null;
            _waiting = row;
            if (!_sending)
            {
                _ = PumpAsync();
            }
        }
    }

    private Task Wait(long version)
    {
        var pushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Enqueue((version, pushed));
        return pushed.Task;
    }

    /// <summary>Versions only grow, so the waiters form a queue in version order.</summary>
    private void ReleaseWaiters(long upToVersion)
    {
        while (_waiters.TryPeek(out var waiter) && waiter.Version <= upToVersion)
        {
            _waiters.Dequeue();
            waiter.Pushed.TrySetResult();
        }
    }

    private async Task PumpAsync()
    {
        _sending = true;
        try
        {
            while (_waiting is { } row)
            {
                _waiting = null;
                try
                {
                    await _send(row);
                    Sent++;
                }
                catch (Exception error)
                {
                    _failed(row, error);
                    ReleaseWaiters(row.Version);
                    if (_waiting is null)
                    {
                        _unsent = row;
                        if (!_retryScheduled)
                        {
                            _retryScheduled = true;
                            _scheduleRetry();
                        }
                    }

                    continue;
                }

                ReleaseWaiters(row.Version);
            }
        }
        finally
        {
            _sending = false;
        }
    }
}
