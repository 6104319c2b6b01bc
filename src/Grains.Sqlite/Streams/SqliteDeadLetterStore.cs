using System.Globalization;
using Grains.Streams;
using Microsoft.Data.Sqlite;

namespace Grains.Sqlite;

/// <summary>
/// Dead letters in a SQLite database, a row per letter with its event and error. Listing is oldest first by
/// <see cref="DeadLetter.FailedAt"/>, then by the order added; adding an id that is already there throws
/// <see cref="InvalidOperationException"/> and keeps the stored letter. Writes go through the group-commit writer.
/// </summary>
public sealed class SqliteDeadLetterStore : IDeadLetterStore
{
    private readonly SqliteDatabase _database;

    /// <summary>A store over <paramref name="database"/>, which the caller keeps open while the store is in use.</summary>
    public SqliteDeadLetterStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>The database this provider writes to; providers on the same file share it.</summary>
    internal SqliteDatabase Database => _database;

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

    public Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return SqliteReads.Run(cancellationToken, () =>
        {
            using var lease = _database.Reads.Rent();
            using var reader = lease.Commands.Get(DeadLetterSql.Get).Bind("$id", id).ExecuteReader();
            return reader.Read() ? ReadLetter(reader) : null;
        });
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return SqliteReads.Run<IReadOnlyList<DeadLetter>>(cancellationToken, () =>
        {
            using var lease = _database.Reads.Rent();
            var letters = new List<DeadLetter>();
            using var reader = lease.Commands.Get(DeadLetterSql.List).Bind("$limit", limit).ExecuteReader();
            while (reader.Read())
            {
                letters.Add(ReadLetter(reader));
            }

            return letters;
        });
    }

    public Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        SqliteReads.Run(cancellationToken, () =>
        {
            using var lease = _database.Reads.Rent();
            return Convert.ToInt32(lease.Commands.Get(DeadLetterSql.Count).ExecuteScalar(), CultureInfo.InvariantCulture);
        });

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _database.Writes.EnqueueAsync(new DeadLetterRemoveOperation(id), cancellationToken);
    }

    private static DeadLetter ReadLetter(SqliteDataReader reader) =>
        new(
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
            new DateTimeOffset(reader.GetInt64(14), TimeSpan.Zero));
}
