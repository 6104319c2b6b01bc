namespace Grains.Sqlite;

/// <summary>A write operation whose caller awaits a result of type <typeparamref name="TResult"/>.</summary>
internal abstract class SqliteWriteOperation<TResult> : SqliteWriteOperation
{
    // Asynchronous continuations: callers must never resume on the writer thread.
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;

    public Task<TResult> Task => _completion.Task;

    /// <summary>Executes the statements and returns the result the caller gets once the batch committed.</summary>
    protected abstract TResult Execute(SqliteCommandCache commands);

    internal sealed override void Run(SqliteCommandCache commands) => _result = Execute(commands);

    internal sealed override void Complete() => _completion.TrySetResult(_result!);

    internal sealed override void Fail(Exception exception)
    {
        RolledBack();
        _completion.TrySetException(exception);
    }

    /// <summary>
    /// Called on the writer thread when this operation will not commit (its batch rolled back, or the writer stopped
    /// before running it), before its caller sees the failure: the place to undo what <see cref="Execute"/> changed
    /// outside the database.
    /// </summary>
    protected virtual void RolledBack()
    {
    }

    private protected sealed override void SetCanceled(CancellationToken cancellationToken) =>
        _completion.TrySetCanceled(cancellationToken);
}
