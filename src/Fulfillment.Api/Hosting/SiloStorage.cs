using Grains.Hosting;
using Grains.PostgreSql;

namespace Fulfillment.Api.Hosting;

/// <summary>Picks the silo's state, reminder and stream providers from <see cref="StorageOptions"/>.</summary>
internal static class SiloStorage
{
    /// <summary>
    /// Registers the providers <see cref="StorageOptions.Provider"/> names. <paramref name="connectionString"/>
    /// (<c>ConnectionStrings:Fulfillment</c>) is read by <see cref="StorageProvider.PostgreSql"/> only, which refuses to
    /// start without it.
    /// </summary>
    public static void Configure(ISiloBuilder silo, StorageOptions options, string? connectionString)
    {
        switch (options.Provider)
        {
            case StorageProvider.Memory:
                silo.AddMemoryGrainStorageAsDefault()
                    .UseInMemoryReminderService()
                    .UseInMemoryStreams();
                break;
            case StorageProvider.Sqlite:
                var dataSource = options.Sqlite.DataSource;
                // One file for state, reminders and streams: one writer, one fsync per group commit.
                silo.AddSqliteGrainStorageAsDefault(o => o.DataSource = dataSource)
                    .UseSqliteReminderService(o => o.DataSource = dataSource)
                    .UseSqliteStreams(o => o.DataSource = dataSource);
                break;
            case StorageProvider.PostgreSql:
                UsePostgreSql(silo, options.PostgreSql.Schema, connectionString);
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider is {options.Provider}; it must be Sqlite, PostgreSql or Memory.");
        }
    }

    private static void UsePostgreSql(ISiloBuilder silo, string schema, string? connectionString)
    {
        void UseSchema(PostgreSqlStorageOptions o)
        {
            o.ConnectionString = connectionString;
            o.Schema = schema;
        }

        // One schema, so one connection pool and one set of writers for state, reminders and streams.
        silo.AddPostgreSqlGrainStorageAsDefault(UseSchema)
            .UsePostgreSqlReminderService(UseSchema)
            .UsePostgreSqlStreams(UseSchema);
    }
}
