using Grains.Streams;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// Dead letters in a PostgreSQL schema, a row per letter with its event and error. Listing is oldest first by
/// <see cref="DeadLetter.FailedAt"/>, then by the order added; adding an id that is already there throws
/// <see cref="InvalidOperationException"/> and keeps the stored letter. Letters are rare, so each statement commits
/// on its own.
/// </summary>
public sealed class PostgreSqlDeadLetterStore : IDeadLetterStore
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>A store over <paramref name="database"/>, which the caller keeps open while the store is in use.</summary>
    public PostgreSqlDeadLetterStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>The database this provider writes to; providers on the same schema share it.</summary>
    internal PostgreSqlDatabase Database => _database;

    public async Task AddAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentException.ThrowIfNullOrEmpty(letter.Id, nameof(letter));
        ArgumentNullException.ThrowIfNull(letter.Event, nameof(letter));
        var stored = letter.Event;
        await using var command = _database.DataSource.CreateCommand(DeadLetterSql.Add);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.ConsumerGroup });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.GrainType });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = stored.Partition });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = stored.SequenceNumber });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = stored.Offset });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = stored.EnqueuedTime.UtcTicks });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stored.Namespace });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stored.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stored.EventId });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = stored.Body.ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.ErrorType });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.ErrorMessage });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = letter.Attempts });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = letter.FailedAt.UtcTicks });
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new InvalidOperationException($"A dead letter with id '{letter.Id}' already exists; ids are unique and a letter is never replaced.");
        }
    }

    public async Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var command = _database.DataSource.CreateCommand(DeadLetterSql.Get);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        var letters = await ReadLettersAsync(command, cancellationToken).ConfigureAwait(false);
        return letters.Count == 0 ? null : letters[0];
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = _database.DataSource.CreateCommand(DeadLetterSql.List);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadLettersAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand(DeadLetterSql.Count);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var command = _database.DataSource.CreateCommand(DeadLetterSql.Remove);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<List<DeadLetter>> ReadLettersAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            letters.Add(new DeadLetter(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                new StreamEvent(
                    reader.GetInt32(3),
                    reader.GetInt64(4),
                    reader.GetInt64(5),
                    new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero),
                    reader.GetString(7),
                    reader.GetString(8),
                    reader.GetString(9),
                    reader.GetFieldValue<byte[]>(10)),
                reader.GetString(11),
                reader.GetString(12),
                reader.GetInt32(13),
                new DateTimeOffset(reader.GetInt64(14), TimeSpan.Zero)));
        }

        return letters;
    }
}
