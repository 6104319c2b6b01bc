using Fulfillment.ReadModels.Hosting;
using Fulfillment.ReadModels.PostgreSql.Hosting;
using Fulfillment.ReadModels.Sqlite.Hosting;

namespace Fulfillment.Api.Hosting;

/// <summary>
/// Where the order and alert read models live, following <c>Storage:Provider</c>: with SQLite storage, a file of its
/// own beside the service's database (<c>ReadModel:Sqlite:DataSource</c>, default the database's name with
/// <c>.readmodels.db</c>: <c>data/fulfillment.readmodels.db</c>) — its own file so the projector's commits never wait
/// for the grains' writer; with PostgreSQL storage, <c>rm_…</c> tables on the same server
/// (<c>ConnectionStrings:Fulfillment</c>) in the grains' schema (<c>Storage:PostgreSql:Schema</c>, or
/// <c>ReadModel:PostgreSql:Schema</c>), shared by every process of the cluster; with memory storage, a temporary file
/// deleted at shutdown (gone with the grains it follows).
/// </summary>
internal static class ReadModelStorage
{
    public const string DataSourceKey = "ReadModel:Sqlite:DataSource";

    public const string SchemaKey = "ReadModel:PostgreSql:Schema";

    public static void Configure(IServiceCollection services, IConfiguration configuration, StorageOptions storage)
    {
        services.AddOrderReadModels(configuration);
        switch (storage.Provider)
        {
            case StorageProvider.Sqlite:
                var dataSource = configuration[DataSourceKey] ?? SiblingOf(storage.Sqlite.DataSource);
                services.AddSqliteReadModelStore(o => o.DataSource = dataSource);
                break;
            case StorageProvider.PostgreSql:
                var connectionString = configuration.GetConnectionString(FulfillmentHost.ConnectionStringName);
                var schema = configuration[SchemaKey] ?? storage.PostgreSql.Schema;
                services.AddPostgreSqlReadModelStore(o =>
                {
                    o.ConnectionString = connectionString;
                    o.Schema = schema;
                });
                break;
            default:
                var temporary = Path.Combine(Path.GetTempPath(), $"fulfillment-readmodels-{Guid.NewGuid():N}.db");
                services.AddSqliteReadModelStore(o =>
                {
                    o.DataSource = temporary;
                    o.FullSync = false;
                    o.DeleteOnDispose = true;
                });
                break;
        }
    }

    /// <summary><c>data/fulfillment.db</c> → <c>data/fulfillment.readmodels.db</c>.</summary>
    public static string SiblingOf(string databaseFile) =>
        Path.Combine(Path.GetDirectoryName(databaseFile) ?? string.Empty, Path.GetFileNameWithoutExtension(databaseFile) + ".readmodels.db");
}
