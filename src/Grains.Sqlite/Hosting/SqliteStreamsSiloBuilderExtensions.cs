using System.Diagnostics.Metrics;
using Grains.Sqlite;
using Grains.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Hosting;

public static class SqliteStreamsSiloBuilderExtensions
{
    /// <summary>The options name under which <see cref="UseSqliteStreams"/> keeps its <see cref="SqliteStorageOptions"/>.</summary>
    public const string StreamsOptionsName = "Grains.Sqlite.Streams";

    /// <summary>
    /// Keeps the stream log, checkpoints and dead letters in a SQLite database, replacing any registered before. The
    /// log has <see cref="GrainsOptions.Partitions"/> partitions and reads its de-duplication window and capacity from
    /// <see cref="StreamStorageOptions"/> (set through <paramref name="configureStreams"/> or the options system).
    /// Like every SQLite provider, it shares the database, writer and readers of other providers on the same file, and
    /// must agree with them on its settings.
    /// </summary>
    public static ISiloBuilder UseSqliteStreams(
        this ISiloBuilder builder,
        Action<SqliteStorageOptions>? configure = null,
        Action<StreamStorageOptions>? configureStreams = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        SqliteSiloBuilderExtensions.AddOptions(builder.Services, StreamsOptionsName, configure);
        ProviderRegistrations.ReplaceStreamProviders(
            builder.Services,
            configureStreams,
            static services => new SqliteStreamLog(
                OpenDatabase(services),
                services.GetRequiredService<IOptions<GrainsOptions>>().Value.Partitions,
                services.GetRequiredService<IOptions<StreamStorageOptions>>().Value,
                services.GetService<ILogger<SqliteStreamLog>>(),
                services.GetService<IMeterFactory>()),
            static services => new SqliteCheckpointStore(OpenDatabase(services)),
            static services => new SqliteDeadLetterStore(OpenDatabase(services)));
        return builder;
    }

    private static SqliteDatabase OpenDatabase(IServiceProvider services) =>
        SqliteSiloBuilderExtensions.OpenDatabase(services, StreamsOptionsName);
}
