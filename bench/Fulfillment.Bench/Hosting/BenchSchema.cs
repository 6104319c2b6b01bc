using Npgsql;

namespace Fulfillment.Bench.Hosting;

/// <summary>A fresh PostgreSQL schema for one run, created by the provider that opens it and dropped afterwards.</summary>
internal sealed class BenchSchema(string connectionString) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public string Name { get; } = $"bench_{Guid.NewGuid():N}";

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE;", connection);
        await drop.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
