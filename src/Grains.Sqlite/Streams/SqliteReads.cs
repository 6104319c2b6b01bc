namespace Grains.Sqlite;

internal static class SqliteReads
{
    /// <summary>
    /// Runs a read on the calling thread (SQLite has no asynchronous I/O) and returns it as a task, with its
    /// exception, if any, inside the task.
    /// </summary>
    public static Task<T> Run<T>(CancellationToken cancellationToken, Func<T> read)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(read());
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }
}
