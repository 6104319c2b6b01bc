namespace Grains.Storage;

/// <summary>
/// The databases a service provider's storage providers open, one per identity (a file, a connection string and
/// schema): providers on the same one share it, and so its writers. Disposing drains and closes them all.
/// </summary>
public sealed class SharedProviderDatabases<TDatabase> : IAsyncDisposable
    where TDatabase : IAsyncDisposable
{
    private readonly Dictionary<string, TDatabase> _databases = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>
    /// The open database of <paramref name="identity"/>, opened by <paramref name="open"/> on first use. Later callers
    /// pass <paramref name="ensureCompatible"/>, which throws when they ask for settings the open database cannot honour.
    /// </summary>
    public TDatabase GetOrOpen(string identity, Func<TDatabase> open, Action<TDatabase> ensureCompatible)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(ensureCompatible);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_databases.TryGetValue(identity, out var database))
            {
                ensureCompatible(database);
                return database;
            }

            database = open();
            _databases.Add(identity, database);
            return database;
        }
    }

    public async ValueTask DisposeAsync()
    {
        TDatabase[] databases;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            databases = [.. _databases.Values];
            _databases.Clear();
        }

        foreach (var database in databases)
        {
            await database.DisposeAsync().ConfigureAwait(false);
        }
    }
}
