using System.Diagnostics.Metrics;
using Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grains.PostgreSql;

/// <summary>
/// The databases a silo's PostgreSQL providers use, one per connection string and schema: providers on the same
/// schema share its connection pool and writers. Disposing the registry drains and closes them all.
/// </summary>
internal sealed class PostgreSqlDatabaseRegistry : IAsyncDisposable, IDisposable
{
    private readonly SharedProviderDatabases<PostgreSqlDatabase> _databases = new();
    private readonly PostgreSqlMetrics _metrics;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly TimeProvider _timeProvider;

    public PostgreSqlDatabaseRegistry(ILoggerFactory? loggerFactory, IMeterFactory? meterFactory, TimeProvider? timeProvider)
    {
        _loggerFactory = loggerFactory;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _metrics = new PostgreSqlMetrics(meterFactory);
    }

    /// <summary>The open database for the schema of <paramref name="options"/>, opening (and migrating) it on first use.</summary>
    /// <exception cref="InvalidOperationException">The schema is open with other settings.</exception>
    public PostgreSqlDatabase GetOrOpen(PostgreSqlStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PostgreSqlStorageOptionsValidator.ThrowIfInvalid(options, nameof(options));
        return _databases.GetOrOpen(
            PostgreSqlDatabase.Identity(options),
            () => PostgreSqlDatabase.Open(options, SchemaMigrations.All, _metrics, ownsMetrics: false, _loggerFactory, _timeProvider),
            database => EnsureSameSettings(database, options));
    }

    public async ValueTask DisposeAsync()
    {
        await _databases.DisposeAsync().ConfigureAwait(false);
        _metrics.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static void EnsureSameSettings(PostgreSqlDatabase database, PostgreSqlStorageOptions options)
    {
        // One set of writers serves every provider on the schema, so settings of the write path cannot differ.
        if (database.MaxWriteBatchSize != options.MaxWriteBatchSize
            || database.WriteConcurrency != options.WriteConcurrency
            || database.MaxAppendBatchEvents != options.MaxAppendBatchEvents
            || database.CommandTimeout != options.CommandTimeout)
        {
            throw new InvalidOperationException(
                $"PostgreSQL schema {database.Name} is already open with MaxWriteBatchSize={database.MaxWriteBatchSize}, "
                + $"WriteConcurrency={database.WriteConcurrency}, MaxAppendBatchEvents={database.MaxAppendBatchEvents}, "
                + $"CommandTimeout={database.CommandTimeout}; another provider asks for MaxWriteBatchSize={options.MaxWriteBatchSize}, "
                + $"WriteConcurrency={options.WriteConcurrency}, MaxAppendBatchEvents={options.MaxAppendBatchEvents}, "
                + $"CommandTimeout={options.CommandTimeout}. Providers sharing a schema must use the same settings.");
        }
    }
}
