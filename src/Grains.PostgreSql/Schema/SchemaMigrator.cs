using Microsoft.Extensions.Logging;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// Brings a schema to the latest version in one transaction that first takes a transaction-scoped advisory lock for
/// the schema: processes starting at once apply each step exactly once, one after the other, and a failing step
/// leaves the database as it was (PostgreSQL DDL is transactional).
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>First key of the advisory lock; the second is the hash of the schema name.</summary>
    private const int LockClass = 0x47524E53;

    /// <summary>Applies the steps of <paramref name="migrations"/> the schema lacks; returns the resulting version.</summary>
    public static int Apply(
        NpgsqlDataSource dataSource,
        string schema,
        string database,
        IReadOnlyList<SchemaMigration> migrations,
        TimeProvider timeProvider,
        ILogger logger)
    {
        CheckOrder(migrations);
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "SELECT pg_advisory_xact_lock($1, hashtext($2));", LockClass, schema);

        // The schema name passed the options validator (lower-case letters, digits, underscores), so it is a plain identifier.
        Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {schema};");
        Execute(connection, $"SET LOCAL search_path TO {schema};");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at bigint NOT NULL
            );
            """);
        var current = ReadVersion(connection);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"PostgreSQL schema {database} has schema version {current}, newer than the latest this build knows ({latest}).");
        }

        foreach (var migration in migrations)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            Execute(connection, migration.Sql);
            Execute(
                connection,
                "INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3);",
                migration.Version,
                migration.Name,
                timeProvider.GetUtcNow().UtcTicks);
            PostgreSqlLog.MigrationApplied(logger, migration.Version, migration.Name, database);
        }

        transaction.Commit();
        return latest;
    }

    private static int ReadVersion(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version;", connection);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        command.ExecuteNonQuery();
    }

    private static void CheckOrder(IReadOnlyList<SchemaMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Schema migration '{migrations[i].Name}' has version {migrations[i].Version}; step {i + 1} must have version {i + 1}.");
            }
        }
    }
}
