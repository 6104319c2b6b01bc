using System.Diagnostics.Metrics;
using Grains.PostgreSql;
using Grains.Reminders;
using Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Hosting;

public static class PostgreSqlSiloBuilderExtensions
{
    /// <summary>The options name under which <see cref="UsePostgreSqlReminderService"/> keeps its options.</summary>
    public const string ReminderOptionsName = "Grains.PostgreSql.Reminders";

    /// <summary>
    /// Adds a PostgreSQL grain storage provider under <paramref name="name"/>. Providers on the same connection string
    /// and schema share one connection pool and set of writers, and must agree on their settings.
    /// </summary>
    public static ISiloBuilder AddPostgreSqlGrainStorage(this ISiloBuilder builder, string name, Action<PostgreSqlStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        AddOptions(builder.Services, name, configure);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) => new PostgreSqlGrainStorage(OpenDatabase(services, name)));
        return builder;
    }

    /// <summary>Adds a PostgreSQL grain storage provider as the default provider.</summary>
    public static ISiloBuilder AddPostgreSqlGrainStorageAsDefault(this ISiloBuilder builder, Action<PostgreSqlStorageOptions>? configure = null) =>
        builder.AddPostgreSqlGrainStorage(GrainStorageNames.Default, configure);

    /// <summary>Keeps reminders in a PostgreSQL schema, replacing any reminder table registered before.</summary>
    public static ISiloBuilder UsePostgreSqlReminderService(this ISiloBuilder builder, Action<PostgreSqlStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddOptions(builder.Services, ReminderOptionsName, configure);
        builder.Services.RemoveAll<IReminderTable>();
        builder.Services.AddSingleton<IReminderTable>(services => new PostgreSqlReminderTable(OpenDatabase(services, ReminderOptionsName)));
        return builder;
    }

    /// <summary>
    /// Registers the named <see cref="PostgreSqlStorageOptions"/> of one provider (validated on start), their validator,
    /// the database registry every PostgreSQL provider of the service provider shares, and the start-up step that opens
    /// (creates, migrates) the provider's database when the host starts.
    /// </summary>
    internal static void AddOptions(IServiceCollection services, string name, Action<PostgreSqlStorageOptions>? configure)
    {
        ProviderRegistrations.AddValidatedOptions<PostgreSqlStorageOptions, PostgreSqlStorageOptionsValidator>(services, name, configure);
        services.AddSingleton(new PostgreSqlOptionsName(name));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgreSqlSchemaStartup>());
        services.TryAddSingleton(static services => new PostgreSqlDatabaseRegistry(
            services.GetService<ILoggerFactory>(),
            services.GetService<IMeterFactory>(),
            services.GetService<TimeProvider>()));
    }

    /// <summary>The shared database for the provider whose options are named <paramref name="optionsName"/>, opened on first use.</summary>
    internal static PostgreSqlDatabase OpenDatabase(IServiceProvider services, string optionsName) =>
        services.GetRequiredService<PostgreSqlDatabaseRegistry>()
            .GetOrOpen(services.GetRequiredService<IOptionsMonitor<PostgreSqlStorageOptions>>().Get(optionsName));
}
