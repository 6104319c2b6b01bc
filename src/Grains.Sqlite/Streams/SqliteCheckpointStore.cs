using Grains.Streams;

namespace Grains.Sqlite;

/// <summary>
/// Stream checkpoints in a SQLite database, a row per (consumer group, partition); the last write wins. Writes go
/// through the database's group-commit writer and complete once committed; <see cref="StreamCheckpoint.UpdatedAt"/>
/// is the time of the write call on the database's <see cref="TimeProvider"/>.
/// </summary>
public sealed class SqliteCheckpointStore : ICheckpointStore
{
    private readonly SqliteDatabase _database;

    /// <summary>A store over <paramref name="database"/>, which the caller keeps open while the store is in use.</summary>
    public SqliteCheckpointStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>The database this provider writes to; providers on the same file share it.</summary>
    internal SqliteDatabase Database => _database;

    public Task<StreamCheckpoint?> ReadAsync(string consumerGroup, int partition, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerGroup);
        return SqliteReads.Run(cancellationToken, () =>
        {
            using var lease = _database.Reads.Rent();
            var command = lease.Commands.Get(CheckpointSql.Read).Bind("$consumerGroup", consumerGroup).Bind("$partition", partition);
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new StreamCheckpoint(consumerGroup, partition, reader.GetInt64(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero))
                : null;
        });
    }

    public Task<IReadOnlyList<StreamCheckpoint>> ReadAllAsync(string consumerGroup, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerGroup);
        return SqliteReads.Run<IReadOnlyList<StreamCheckpoint>>(cancellationToken, () =>
        {
            using var lease = _database.Reads.Rent();
            var checkpoints = new List<StreamCheckpoint>();
            using var reader = lease.Commands.Get(CheckpointSql.ReadAll).Bind("$consumerGroup", consumerGroup).ExecuteReader();
            while (reader.Read())
            {
                checkpoints.Add(new StreamCheckpoint(
                    consumerGroup, reader.GetInt32(0), reader.GetInt64(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero)));
            }

            return checkpoints;
        });
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
