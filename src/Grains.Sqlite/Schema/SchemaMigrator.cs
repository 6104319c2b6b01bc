using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Grains.Sqlite;

/// <summary>
/// Brings a database to the latest schema. Runs in one <c>BEGIN IMMEDIATE</c> transaction, so concurrent openers
/// (other processes included) apply each step exactly once, and a failed step leaves the database as it was.
/// </summary>
internal static class SchemaMigrator
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        );
        """;

    /// <summary>Applies the steps of <paramref name="migrations"/> the database lacks; returns the resulting version.</summary>
    public static int Apply(
        SqliteConnection connection,
        IReadOnlyList<SchemaMigration> migrations,
        TimeProvider timeProvider,
        ILogger logger)
    {
        CheckOrder(migrations);
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE;";
        command.ExecuteNonQuery();
        try
        {
            command.CommandText = CreateVersionTable;
            command.ExecuteNonQuery();
            command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
            var current = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
            if (current > latest)
            {
                throw new InvalidOperationException(
                    $"SQLite database {connection.DataSource} has schema version {current}, newer than the latest this build knows ({latest}).");
            }

            foreach (var migration in migrations)
            {
                if (migration.Version <= current)
                {
                    continue;
                }

                command.CommandText = migration.Sql;
                command.ExecuteNonQuery();
                migration.Code?.Invoke(connection, logger);
                command.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES ($version, $name, $appliedAt);";
                command.Parameters.Clear();
                command.Parameters.AddWithValue("$version", migration.Version);
                command.Parameters.AddWithValue("$name", migration.Name);
                command.Parameters.AddWithValue("$appliedAt", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
                command.ExecuteNonQuery();
                command.Parameters.Clear();
                SqliteLog.MigrationApplied(logger, migration.Version, migration.Name, connection.DataSource);
            }

            command.CommandText = "COMMIT;";
            command.ExecuteNonQuery();
            return latest;
        }
        catch
        {
            if (connection.InTransaction())
            {
                command.Parameters.Clear();
                command.CommandText = "ROLLBACK;";
                command.ExecuteNonQuery();
            }

            throw;
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
