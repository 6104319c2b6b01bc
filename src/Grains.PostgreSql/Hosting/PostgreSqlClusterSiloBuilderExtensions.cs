using Grains.PostgreSql;
using Grains.Runtime.Cluster;

namespace Grains.Hosting;

public static class PostgreSqlClusterSiloBuilderExtensions
{
    /// <summary>The options name under which <see cref="UsePostgreSqlCluster"/> keeps its <see cref="PostgreSqlStorageOptions"/>.</summary>
    public const string ClusterOptionsName = "Grains.PostgreSql.Cluster";

    /// <summary>
    /// Shares the partitions with every silo on the same PostgreSQL schema: silo rows and partition leases in the
    /// schema (<see cref="PostgreSqlClusterStore"/>), a <see cref="PartitionLeaseManager"/> deciding what this silo
    /// serves. Give the state, reminder and stream providers the same schema, so their writes are fenced by these
    /// leases in the same transaction. Like every PostgreSQL provider, it shares the schema's connection pool.
    /// </summary>
    public static ISiloBuilder UsePostgreSqlCluster(
        this ISiloBuilder builder,
        Action<PostgreSqlStorageOptions>? configure = null,
        Action<ClusterOptions>? configureCluster = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        PostgreSqlSiloBuilderExtensions.AddOptions(builder.Services, ClusterOptionsName, configure);
        return builder.UseCluster(
            static services => new PostgreSqlClusterStore(PostgreSqlSiloBuilderExtensions.OpenDatabase(services, ClusterOptionsName)),
            configureCluster);
    }
}
