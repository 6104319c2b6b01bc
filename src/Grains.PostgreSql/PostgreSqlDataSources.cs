using Microsoft.Extensions.Logging;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// How every PostgreSQL store of the project connects: a connection pool whose search path is the store's schema,
/// with the command timeout of its options and server-side prepared statements planned for each execution's values.
/// </summary>
public static class PostgreSqlDataSources
{
    /// <summary>
    /// Builds the pool for <paramref name="schema"/> on the server of <paramref name="connectionString"/>; both must have
    /// passed <see cref="PostgreSqlOptionChecks"/>. The caller owns (and disposes) the result.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString, string schema, TimeSpan commandTimeout, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var connection = builder.ConnectionStringBuilder;
        connection.SearchPath = schema;
        connection.CommandTimeout = (int)Math.Ceiling(commandTimeout.TotalSeconds);

        // The same few statements run over and over: prepare them on the server unless the caller chose otherwise,
        // but plan each execution for its parameters. A generic plan made while the tables were small would keep
        // scanning stream_event_ids whole for an append's ids long after it has grown, and a list query with optional
        // filters would not drop the filters it was not given.
        if (connection.MaxAutoPrepare == 0)
        {
            connection.MaxAutoPrepare = 64;
        }

        connection.Options = $"{connection.Options} -c plan_cache_mode=force_custom_plan".TrimStart();
        builder.UseLoggerFactory(loggerFactory);
        return builder.Build();
    }

    /// <summary>Server, database and schema as <c>host:port/database/schema</c>: no credentials, fit for logs and metrics.</summary>
    public static string Describe(string connectionString, string schema)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{connection.Host}:{connection.Port}/{connection.Database ?? connection.Username}/{schema}";
    }
}
