using System.Diagnostics.Metrics;
using Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grains.Sqlite;

/// <summary>
/// The databases a silo's SQLite providers use, one per file: providers whose data sources resolve to the same path
/// share its writer and readers. Disposing the registry drains and closes them all.
/// </summary>
internal sealed class SqliteDatabaseRegistry : IAsyncDisposable, IDisposable
{
    private readonly SharedProviderDatabases<SqliteDatabase> _databases = new();
    private readonly SqliteMetrics _metrics;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly TimeProvider _timeProvider;

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
        return _databases.GetOrOpen(
            SqliteDatabase.ResolveDataSource(options.DataSource),
            () => SqliteDatabase.Open(options, SchemaMigrations.All, _metrics, ownsMetrics: false, _loggerFactory, _timeProvider),
            database => EnsureSameSettings(database, options));
    }

    public async ValueTask DisposeAsync()
    {
        await _databases.DisposeAsync().ConfigureAwait(false);
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
