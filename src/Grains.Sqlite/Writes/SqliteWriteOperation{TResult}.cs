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

    internal sealed override void Fail(Exception exception) => _completion.TrySetException(exception);

    private protected sealed override void SetCanceled(CancellationToken cancellationToken) =>
        _completion.TrySetCanceled(cancellationToken);
}
