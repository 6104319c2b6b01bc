using Grains.PostgreSql;
using Npgsql;

namespace Grains.Testing;

/// <summary>
/// A schema of a test's own on the PostgreSQL server that <see cref="ConnectionStringVariable"/> names, dropped with
/// everything in it on dispose. Creating one without the variable throws, naming it, so PostgreSQL tests fail
/// loudly rather than skip.
/// </summary>
public sealed class PostgreSqlTestSchema : IAsyncDisposable
{
    /// <summary>The environment variable holding the test server's Npgsql connection string.</summary>
    public const string ConnectionStringVariable = "FULFILLMENT_TEST_POSTGRES";

    public PostgreSqlTestSchema()
    {
        ConnectionString = ReadConnectionString();
        Name = $"test_{Guid.NewGuid():N}";
    }

    /// <summary>The test server's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The schema name: unique, lower-case, created by the first provider that opens it.</summary>
    public string Name { get; }

    /// <summary>Options of a provider on this schema, adjusted by <paramref name="configure"/>.</summary>
    public PostgreSqlStorageOptions Options(Action<PostgreSqlStorageOptions>? configure = null)
    {
        var options = new PostgreSqlStorageOptions { ConnectionString = ConnectionString, Schema = Name };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Runs <paramref name="sql"/> on its own connection with this schema as search path; returns the first column of the first row.</summary>
    public async Task<object?> ExecuteScalarAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = Name, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync() => await ExecuteScalarAsync($"DROP SCHEMA IF EXISTS {Name} CASCADE;");

    private static string ReadConnectionString() =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The environment variable {ConnectionStringVariable} is not set. PostgreSQL tests need a server: start a throwaway one "
                + $"with eval \"$(.ci/postgres.sh start)\" (it exports {ConnectionStringVariable}), or set it to an Npgsql connection "
                + "string of a server where the tests may create and drop schemas. .ci/run does this itself.");
}
