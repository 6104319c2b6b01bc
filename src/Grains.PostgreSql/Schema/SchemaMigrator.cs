using Microsoft.Extensions.Logging;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// Brings a schema to the latest version in one transaction that first takes a transaction-scoped advisory lock for
/// the schema: processes starting at once apply each step exactly once, one after the other, and a failing step
/// leaves the database as it was (PostgreSQL DDL is transactional). Each set of steps records its versions in a table
/// of its own, so sets owned by different projects (the grain providers, an application's own tables) can share a
/// schema; they share the lock, so they migrate one after the other.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The version table of the grain providers' steps.</summary>
    public const string ProviderVersionTable = "schema_version";

    /// <summary>First key of the advisory lock; the second is the hash of the schema name.</summary>
    private const int LockClass = 0x47524E53;

    /// <summary>
    /// Applies the steps of <paramref name="migrations"/> the schema lacks, recording each in
    /// <paramref name="versionTable"/> (created if missing); returns the resulting version. <paramref name="schema"/>
    /// must have passed <see cref="PostgreSqlOptionChecks.Schema"/>; <paramref name="database"/> names the database in
    /// logs and errors.
    /// </summary>
    public static int Apply(
        NpgsqlDataSource dataSource,
        string schema,
        string database,
        string versionTable,
        IReadOnlyList<SchemaMigration> migrations,
        TimeProvider timeProvider,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        CheckIdentifier(schema, nameof(schema));
        CheckIdentifier(versionTable, nameof(versionTable));
        CheckOrder(migrations);
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "SELECT pg_advisory_xact_lock($1, hashtext($2));", LockClass, schema);

        // The schema name passed the options validator (lower-case letters, digits, underscores), so it is a plain identifier.
        Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {schema};");
        Execute(connection, $"SET LOCAL search_path TO {schema};");
        Execute(connection, $"""
            CREATE TABLE IF NOT EXISTS {versionTable} (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at bigint NOT NULL
            );
            """);
        var current = ReadVersion(connection, versionTable);
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
                $"INSERT INTO {versionTable} (version, name, applied_at) VALUES ($1, $2, $3);",
                migration.Version,
                migration.Name,
                timeProvider.GetUtcNow().UtcTicks);
            PostgreSqlLog.MigrationApplied(logger, migration.Version, migration.Name, database);
        }

        transaction.Commit();
        return latest;
    }

    private static int ReadVersion(NpgsqlConnection connection, string versionTable)
    {
        using var command = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {versionTable};", connection);
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

    /// <summary>Both names go into SQL text, so only plain lower-case identifiers are accepted.</summary>
    private static void CheckIdentifier(string name, string parameterName)
    {
        var failures = new List<string>();
        PostgreSqlOptionChecks.Schema(failures, parameterName, name);
        if (failures.Count > 0)
        {
            throw new ArgumentException(failures[0], parameterName);
        }
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
