using Grains.PostgreSql;
using Grains.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Hosting;

public static class PostgreSqlStreamsSiloBuilderExtensions
{
    /// <summary>The options name under which <see cref="UsePostgreSqlStreams"/> keeps its <see cref="PostgreSqlStorageOptions"/>.</summary>
    public const string StreamsOptionsName = "Grains.PostgreSql.Streams";

    /// <summary>
    /// Keeps the stream log, checkpoints and dead letters in a PostgreSQL schema, replacing any registered before. The
    /// log has <see cref="GrainsOptions.Partitions"/> partitions and reads its de-duplication window and capacity from
    /// <see cref="StreamStorageOptions"/> (set through <paramref name="configureStreams"/> or the options system).
    /// Like every PostgreSQL provider, it shares the connection pool and writers of other providers on the same schema.
    /// </summary>
    public static ISiloBuilder UsePostgreSqlStreams(
        this ISiloBuilder builder,
        Action<PostgreSqlStorageOptions>? configure = null,
        Action<StreamStorageOptions>? configureStreams = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        PostgreSqlSiloBuilderExtensions.AddOptions(builder.Services, StreamsOptionsName, configure);
        ProviderRegistrations.ReplaceStreamProviders(
            builder.Services,
            configureStreams,
            static services => new PostgreSqlStreamLog(
                OpenDatabase(services),
                services.GetRequiredService<IOptions<GrainsOptions>>().Value.Partitions,
                services.GetRequiredService<IOptions<StreamStorageOptions>>().Value,
                services.GetService<ILogger<PostgreSqlStreamLog>>()),
            static services => new PostgreSqlCheckpointStore(OpenDatabase(services)),
            static services => new PostgreSqlDeadLetterStore(OpenDatabase(services)));
        return builder;
    }

    private static PostgreSqlDatabase OpenDatabase(IServiceProvider services) =>
        PostgreSqlSiloBuilderExtensions.OpenDatabase(services, StreamsOptionsName);
}
