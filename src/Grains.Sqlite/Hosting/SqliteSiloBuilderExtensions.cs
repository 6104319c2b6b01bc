using System.Diagnostics.Metrics;
using Grains.Reminders;
using Grains.Sqlite;
using Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Hosting;

public static class SqliteSiloBuilderExtensions
{
    /// <summary>The options name under which <see cref="UseSqliteReminderService"/> keeps its options.</summary>
    public const string ReminderOptionsName = "Grains.Sqlite.Reminders";

    /// <summary>
    /// Adds a SQLite grain storage provider under <paramref name="name"/>. Providers whose data sources resolve to the
    /// same file share one database and writer, and must agree on its settings.
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        AddOptions(builder.Services, name, configure);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) => new SqliteGrainStorage(OpenDatabase(services, name)));
        return builder;
    }

    /// <summary>Adds a SQLite grain storage provider as the default provider.</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteStorageOptions>? configure = null) =>
        builder.AddSqliteGrainStorage(GrainStorageNames.Default, configure);

    /// <summary>Keeps reminders in a SQLite database, replacing any reminder table registered before.</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddOptions(builder.Services, ReminderOptionsName, configure);
        builder.Services.RemoveAll<IReminderTable>();
        builder.Services.AddSingleton<IReminderTable>(services => new SqliteReminderTable(OpenDatabase(services, ReminderOptionsName)));
        return builder;
    }

    /// <summary>
    /// Registers the named <see cref="SqliteStorageOptions"/> of one provider (validated on start), their validator and
    /// the database registry every SQLite provider of the service provider shares.
    /// </summary>
    internal static void AddOptions(IServiceCollection services, string name, Action<SqliteStorageOptions>? configure)
    {
        ProviderRegistrations.AddValidatedOptions<SqliteStorageOptions, SqliteStorageOptionsValidator>(services, name, configure);
        services.TryAddSingleton(static services => new SqliteDatabaseRegistry(
            services.GetService<ILoggerFactory>(),
            services.GetService<IMeterFactory>(),
            services.GetService<TimeProvider>()));
    }

    /// <summary>The shared database for the provider whose options are named <paramref name="optionsName"/>, opened on first use.</summary>
    internal static SqliteDatabase OpenDatabase(IServiceProvider services, string optionsName) =>
        services.GetRequiredService<SqliteDatabaseRegistry>()
            .GetOrOpen(services.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(optionsName));
}
