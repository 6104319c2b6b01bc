using Grains.Streams;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// Dead letters in a PostgreSQL schema, a row per letter with its event and error. Listing is oldest first by
/// <see cref="DeadLetter.FailedAt"/>, then by the order added; adding an id that is already there throws
/// <see cref="InvalidOperationException"/> and keeps the stored letter. Adds and removals go through the database's
/// group-commit writers: a grain that fails on a burst of events dead-letters them without a commit each.
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
        DeadLetterChecks.ThrowIfInvalid(letter, nameof(letter));

        // Dead letters are rare, so a copy is cheap insurance against a caller reusing the event's buffer.
        var body = letter.Event.Body.ToArray();
        if (!await _database.Writes.EnqueueAsync(new DeadLetterAddOperation(letter, body), cancellationToken).ConfigureAwait(false))
        {
            throw DeadLetterChecks.AlreadyExists(letter.Id);
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

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _database.Writes.EnqueueAsync(new DeadLetterRemoveOperation(id), cancellationToken);
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
