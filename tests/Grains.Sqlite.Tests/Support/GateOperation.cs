namespace Grains.Sqlite.Tests;

/// <summary>
/// A write that holds the writer inside its batch until released, so a test can queue operations that the writer
/// then finds all at once.
/// </summary>
internal sealed class GateOperation : SqliteWriteOperation<bool>, IDisposable
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _release = new();

    /// <summary>Completes when the writer runs this operation (and is then blocked by it).</summary>
    public Task Entered => _entered.Task;

    public void Release() => _release.Set();

    public void Dispose() => _release.Dispose();

    protected override bool Execute(SqliteCommandCache commands)
    {
        _entered.TrySetResult();
        _release.Wait();
        return true;
    }
}
