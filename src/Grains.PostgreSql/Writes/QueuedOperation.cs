namespace Grains.PostgreSql;

/// <summary>
/// Work a caller queued for a writer, awaited as a task of <typeparamref name="TResult"/>. The writer claims it,
/// runs it in a transaction and completes it only after COMMIT; cancellation wins only while it still waits in the
/// queue, so a caller that sees it canceled knows nothing was written.
/// </summary>
internal abstract class QueuedOperation<TResult>
{
    private const int Queued = 0;
    private const int Claimed = 1;
    private const int Canceled = 2;

    // Asynchronous continuations: callers must never resume on a writer's loop.
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private CancellationTokenRegistration _cancellation;

    public Task<TResult> Task => _completion.Task;

    internal void WatchCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((QueuedOperation<TResult>)state!).TryCancel(token), this);
        }
    }

    /// <summary>Takes the operation for a transaction; false when it was canceled while queued.</summary>
    internal bool TryClaim()
    {
        if (Interlocked.CompareExchange(ref _state, Claimed, Queued) != Queued)
        {
            return false;
        }

        _cancellation.Dispose();
        return true;
    }

    internal void Succeed(TResult result) => _completion.TrySetResult(result);

    internal void Fail(Exception exception) => _completion.TrySetException(exception);

    private void TryCancel(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Canceled, Queued) == Queued)
        {
            _completion.TrySetCanceled(cancellationToken);
        }
    }
}
