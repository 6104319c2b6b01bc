using Grains.Streams;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// Stream checkpoints in a PostgreSQL schema, a row per (consumer group, partition); the last write wins. Writes go
/// through the database's group-commit writers and complete once committed; <see cref="StreamCheckpoint.UpdatedAt"/>
/// is the time of the write call on the database's <see cref="TimeProvider"/>.
/// </summary>
public sealed class PostgreSqlCheckpointStore : ICheckpointStore
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>A store over <paramref name="database"/>, which the caller keeps open while the store is in use.</summary>
    public PostgreSqlCheckpointStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>The database this provider writes to; providers on the same schema share it.</summary>
    internal PostgreSqlDatabase Database => _database;

    public async Task<StreamCheckpoint?> ReadAsync(string consumerGroup, int partition, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerGroup);
        await using var command = _database.DataSource.CreateCommand(CheckpointSql.Read);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumerGroup });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partition });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StreamCheckpoint(consumerGroup, partition, reader.GetInt64(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero))
            : null;
    }

    public async Task<IReadOnlyList<StreamCheckpoint>> ReadAllAsync(string consumerGroup, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerGroup);
        await using var command = _database.DataSource.CreateCommand(CheckpointSql.ReadAll);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumerGroup });
        var checkpoints = new List<StreamCheckpoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            checkpoints.Add(new StreamCheckpoint(
                consumerGroup, reader.GetInt32(0), reader.GetInt64(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero)));
        }

        return checkpoints;
    }

    public Task WriteAsync(string consumerGroup, int partition, long sequenceNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerGroup);
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfNegative(sequenceNumber);
        var updatedAt = _database.TimeProvider.GetUtcNow().UtcTicks;
        return _database.Writes.EnqueueAsync(new CheckpointWriteOperation(consumerGroup, partition, sequenceNumber, updatedAt), cancellationToken);
    }
}
