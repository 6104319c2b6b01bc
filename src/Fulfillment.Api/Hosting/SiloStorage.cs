using Grains.Hosting;

namespace Fulfillment.Api.Hosting;

/// <summary>Picks the silo's state, reminder and stream providers from <see cref="StorageOptions"/>.</summary>
internal static class SiloStorage
{
    public static void Configure(ISiloBuilder silo, StorageOptions options)
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
            default:
                throw new InvalidOperationException($"Storage:Provider is {options.Provider}; it must be Sqlite or Memory.");
        }
    }
}
