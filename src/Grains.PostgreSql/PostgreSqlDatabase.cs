using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// One schema of a PostgreSQL database as the providers use it: migrated to the latest version, reached through one
/// <see cref="NpgsqlDataSource"/> (connection pool) whose search path is the schema, with the group-commit writers of
/// small writes. Providers on the same connection string and schema share one instance per process.
/// </summary>
public sealed class PostgreSqlDatabase : IAsyncDisposable, IDisposable
{
    private readonly PostgreSqlMetrics? _ownedMetrics;
    private int _disposed;

    private PostgreSqlDatabase(
        PostgreSqlStorageOptions options,
        string name,
        NpgsqlDataSource dataSource,
        int schemaVersion,
        WriteQueue writes,
        PostgreSqlMetrics metrics,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        bool ownsMetrics)
    {
        Schema = options.Schema;
        MaxWriteBatchSize = options.MaxWriteBatchSize;
        WriteConcurrency = options.WriteConcurrency;
        MaxAppendBatchEvents = options.MaxAppendBatchEvents;
        CommandTimeout = options.CommandTimeout;
        Name = name;
        DataSource = dataSource;
        SchemaVersion = schemaVersion;
        Writes = writes;
        Metrics = metrics;
        TimeProvider = timeProvider;
        LoggerFactory = loggerFactory;
        _ownedMetrics = ownsMetrics ? metrics : null;
    }

    /// <summary>Server, database and schema as <c>host:port/database/schema</c>: no credentials, fit for logs and metrics.</summary>
    public string Name { get; }

    public string Schema { get; }

    public int MaxWriteBatchSize { get; }

    public int WriteConcurrency { get; }

    public int MaxAppendBatchEvents { get; }

    public TimeSpan CommandTimeout { get; }

    /// <summary>The schema version after opening.</summary>
    public int SchemaVersion { get; }

    internal NpgsqlDataSource DataSource { get; }

    internal WriteQueue Writes { get; }

    internal PostgreSqlMetrics Metrics { get; }

    internal TimeProvider TimeProvider { get; }

    internal ILoggerFactory LoggerFactory { get; }

    /// <summary>The tag every measurement of this database carries.</summary>
    internal KeyValuePair<string, object?> Tag => new(PostgreSqlInstrumentNames.DatabaseTag, Name);

    /// <summary>
    /// Opens the database of <paramref name="options"/>, creates or migrates its schema and starts its writers. The
    /// caller owns the result; in a silo the providers' registrations share one instance per schema instead.
    /// </summary>
    public static PostgreSqlDatabase Open(
        PostgreSqlStorageOptions options,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null,
        TimeProvider? timeProvider = null)
    {
        var metrics = new PostgreSqlMetrics(meterFactory);
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

    /// <summary>What identifies a database within the process: the connection string and the schema.</summary>
    internal static string Identity(PostgreSqlStorageOptions options) => $"{options.ConnectionString}\n{options.Schema}";

    internal static PostgreSqlDatabase Open(
        PostgreSqlStorageOptions options,
        IReadOnlyList<SchemaMigration> migrations,
        PostgreSqlMetrics metrics,
        bool ownsMetrics,
        ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider)
    {
        PostgreSqlStorageOptionsValidator.ThrowIfInvalid(options, nameof(options));
        timeProvider ??= TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<PostgreSqlDatabase>();
        var name = PostgreSqlDataSources.Describe(options.ConnectionString!, options.Schema);
        var dataSource = PostgreSqlDataSources.Create(options.ConnectionString!, options.Schema, options.CommandTimeout, loggerFactory);
        try
        {
            var schemaVersion = SchemaMigrator.Apply(dataSource, options.Schema, name, SchemaMigrator.ProviderVersionTable, migrations, timeProvider, logger);
            var writes = new WriteQueue(dataSource, name, options.MaxWriteBatchSize, options.WriteConcurrency, metrics, timeProvider, logger);
            PostgreSqlLog.DatabaseOpened(logger, name, schemaVersion);
            return new PostgreSqlDatabase(options, name, dataSource, schemaVersion, writes, metrics, timeProvider, loggerFactory, ownsMetrics);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>Commits every write already queued, then closes the connection pool. Later writes fail with <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Writes.DisposeAsync().ConfigureAwait(false);
        await DataSource.DisposeAsync().ConfigureAwait(false);
        _ownedMetrics?.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
