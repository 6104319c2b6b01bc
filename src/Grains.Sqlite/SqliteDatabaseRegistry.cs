using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Grains.Sqlite;

/// <summary>
/// The databases a silo's SQLite providers use, one per file: providers whose data sources resolve to the same path
/// share its writer and readers. Disposing the registry drains and closes them all.
/// </summary>
internal sealed class SqliteDatabaseRegistry : IAsyncDisposable, IDisposable
{
    private readonly Dictionary<string, SqliteDatabase> _databases = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly SqliteMetrics _metrics;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly TimeProvider _timeProvider;
    private bool _disposed;

    public SqliteDatabaseRegistry(ILoggerFactory? loggerFactory, IMeterFactory? meterFactory, TimeProvider? timeProvider)
    {
        _loggerFactory = loggerFactory;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _metrics = new SqliteMetrics(meterFactory);
    }

    /// <summary>The open database for the file of <paramref name="options"/>, opening it on first use.</summary>
    /// <exception cref="InvalidOperationException">The file is open with other settings.</exception>
    public SqliteDatabase GetOrOpen(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataSource = SqliteDatabase.ResolveDataSource(options.DataSource);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_databases.TryGetValue(dataSource, out var database))
            {
                EnsureSameSettings(database, options);
                return database;
            }

            database = SqliteDatabase.Open(options, SchemaMigrations.All, _metrics, ownsMetrics: false, _loggerFactory, _timeProvider);
            _databases.Add(dataSource, database);
            return database;
        }
    }

    public async ValueTask DisposeAsync()
    {
        SqliteDatabase[] databases;
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

        _metrics.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static void EnsureSameSettings(SqliteDatabase database, SqliteStorageOptions options)
    {
        // One writer serves every provider on the file, so settings of the write path cannot differ between them.
        if (database.Synchronous != options.Synchronous
            || database.MaxBatchSize != options.MaxBatchSize
            || database.BusyTimeout != options.BusyTimeout
            || database.CacheSizeKiB != options.CacheSizeKiB
            || database.WalAutoCheckpointPages != options.WalAutoCheckpointPages)
        {
            throw new InvalidOperationException(
                $"SQLite database {database.DataSource} is already open with Synchronous={database.Synchronous}, "
                + $"MaxBatchSize={database.MaxBatchSize}, BusyTimeout={database.BusyTimeout}, CacheSizeKiB={database.CacheSizeKiB}, "
                + $"WalAutoCheckpointPages={database.WalAutoCheckpointPages}; another provider asks for "
                + $"Synchronous={options.Synchronous}, MaxBatchSize={options.MaxBatchSize}, BusyTimeout={options.BusyTimeout}, "
                + $"CacheSizeKiB={options.CacheSizeKiB}, WalAutoCheckpointPages={options.WalAutoCheckpointPages}. "
                + "Providers sharing a data source must use the same settings.");
        }
    }
}
