using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grains.Sqlite;

/// <summary>
/// One SQLite database file as the providers use it: migrated to the latest schema, with a single group-commit writer
/// and a pool of WAL readers. Providers on the same file must share one instance per process, since the writer is
/// what turns many small writes into few commits.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable, IDisposable
{
    private readonly SqliteMetrics? _ownedMetrics;
    private int _disposed;

    private SqliteDatabase(
        string dataSource,
        SqliteStorageOptions options,
        int schemaVersion,
        SqliteWriteQueue writes,
        SqliteReadConnectionPool reads,
        TimeProvider timeProvider,
        SqliteMetrics? ownedMetrics)
    {
        DataSource = dataSource;
        Synchronous = options.Synchronous;
        MaxBatchSize = options.MaxBatchSize;
        BusyTimeout = options.BusyTimeout;
        CacheSizeKiB = options.CacheSizeKiB;
        WalAutoCheckpointPages = options.WalAutoCheckpointPages;
        SchemaVersion = schemaVersion;
        Writes = writes;
        Reads = reads;
        TimeProvider = timeProvider;
        _ownedMetrics = ownedMetrics;
    }

    /// <summary>The full path of the database file.</summary>
    public string DataSource { get; }

    public SqliteSynchronousMode Synchronous { get; }

    public int MaxBatchSize { get; }

    public TimeSpan BusyTimeout { get; }

    public int CacheSizeKiB { get; }

    public int WalAutoCheckpointPages { get; }

    /// <summary>The schema version the database is at after opening.</summary>
    public int SchemaVersion { get; }

    internal SqliteWriteQueue Writes { get; }

    internal SqliteReadConnectionPool Reads { get; }

    internal TimeProvider TimeProvider { get; }

    /// <summary>
    /// The de-duplication state of the stream log that appended through this writer last, so another log on the same
    /// database knows to index those events before its next append. Read and written on the writer thread only.
    /// </summary>
    internal object? LastStreamAppender { get; set; }

    /// <summary>
    /// Opens (creating if needed) the database of <paramref name="options"/>, migrates it and starts its writer. The
    /// caller owns the result; in a silo the providers' registrations share one instance per file instead.
    /// </summary>
    public static SqliteDatabase Open(
        SqliteStorageOptions options,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null,
        TimeProvider? timeProvider = null)
    {
        var metrics = new SqliteMetrics(meterFactory);
        try
        {
            return Open(options, SchemaMigrations.All, metrics, ownsMetrics: true, loggerFactory, timeProvider);
        }
        catch
        {
            metrics.Dispose();
            throw;
        }
    }

    /// <summary>The full path a data source resolves to, which identifies the database within the process.</summary>
    public static string ResolveDataSource(string dataSource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataSource);
        return Path.GetFullPath(dataSource);
    }

    internal static SqliteDatabase Open(
        SqliteStorageOptions options,
        IReadOnlyList<SchemaMigration> migrations,
        SqliteMetrics metrics,
        bool ownsMetrics,
        ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new SqliteStorageOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        timeProvider ??= TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SqliteDatabase>();
        var dataSource = ResolveDataSource(options.DataSource);
        if (Path.GetDirectoryName(dataSource) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var factory = new SqliteConnectionFactory(dataSource, options);
        var (connection, journalMode) = factory.OpenWriter();
        int schemaVersion;
        try
        {
            if (!journalMode.Equals("wal", StringComparison.OrdinalIgnoreCase))
            {
                SqliteLog.NotWal(logger, dataSource, journalMode);
            }

            schemaVersion = SchemaMigrator.Apply(connection, migrations, timeProvider, logger);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        var writes = new SqliteWriteQueue(connection, dataSource, options.MaxBatchSize, metrics, timeProvider, logger);
        var reads = new SqliteReadConnectionPool(factory, maxIdle: Math.Max(4, 2 * Environment.ProcessorCount));
        SqliteLog.DatabaseOpened(logger, dataSource, schemaVersion);
        return new SqliteDatabase(dataSource, options, schemaVersion, writes, reads, timeProvider, ownsMetrics ? metrics : null);
    }

    /// <summary>Commits every write already queued, then closes the writer and the readers. Later writes fail with <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            await Writes.DisposeAsync().ConfigureAwait(false);
            return;
        }

        await Writes.DisposeAsync().ConfigureAwait(false);
        Reads.Dispose();
        _ownedMetrics?.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
