namespace Grains.Sqlite;

/// <summary>
/// One unit of work for the writer. The writer claims it, runs it inside the batch transaction and completes it only
/// after COMMIT; cancellation wins only while the operation still waits in the queue, so a caller that sees it
/// canceled knows nothing was written.
/// </summary>
internal abstract class SqliteWriteOperation
{
    private const int Queued = 0;
    private const int Claimed = 1;
    private const int Canceled = 2;

    private int _state;
    private CancellationTokenRegistration _cancellation;

    /// <summary>Runs the statements of this operation on the writer connection and keeps its result until commit.</summary>
    /// <remarks>
    /// Outcomes the caller expects, such as an ETag conflict, must be returned as results: an exception here rolls back
    /// the whole batch.
    /// </remarks>
    internal abstract void Run(SqliteCommandCache commands);

    /// <summary>Publishes the result kept by <see cref="Run"/>; called after COMMIT returned.</summary>
    internal abstract void Complete();

    internal abstract void Fail(Exception exception);

    private protected abstract void SetCanceled(CancellationToken cancellationToken);

    internal void WatchCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((SqliteWriteOperation)state!).TryCancel(token), this);
        }
    }

    /// <summary>Takes the operation for a batch; false when it was canceled while queued.</summary>
    internal bool TryClaim()
    {
        if (Interlocked.CompareExchange(ref _state, Claimed, Queued) != Queued)
        {
            return false;
        }

        _cancellation.Dispose();
        return true;
    }

    private void TryCancel(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Canceled, Queued) == Queued)
        {
            SetCanceled(cancellationToken);
        }
    }
}
