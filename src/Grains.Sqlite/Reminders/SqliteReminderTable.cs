using Grains.Reminders;
using Grains.Storage;
using Microsoft.Data.Sqlite;

namespace Grains.Sqlite;

/// <summary>
/// Reminders in a SQLite database. Upserts and removals go through the database's group-commit writer; reads use
/// pooled WAL readers on the calling thread. ETags come from one database-wide sequence, so they never repeat for a
/// reminder, not even after it was removed and registered again.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable
{
    private readonly SqliteDatabase _database;

    /// <summary>A table over <paramref name="database"/>, which the caller keeps open while the table is in use.</summary>
    public SqliteReminderTable(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>The database this provider writes to; providers on the same file share it.</summary>
    internal SqliteDatabase Database => _database;

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainId);
        ArgumentNullException.ThrowIfNull(name);
        return RunRead(cancellationToken, () =>
        {
            using var lease = _database.Reads.Rent();
            var command = lease.Commands.Get(ReminderSql.Read)
                .Bind("$grainType", grainId.Type.Name)
                .Bind("$grainKey", grainId.Key)
                .Bind("$name", name);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadEntry(reader, grainId) : null;
        });
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainId);
        return RunRead<IReadOnlyList<ReminderEntry>>(cancellationToken, () =>
        {
            using var lease = _database.Reads.Rent();
            var command = lease.Commands.Get(ReminderSql.ReadAll)
                .Bind("$grainType", grainId.Type.Name)
                .Bind("$grainKey", grainId.Key);
            var entries = new List<ReminderEntry>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                entries.Add(ReadEntry(reader, grainId));
            }

            return entries;
        });
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(IReadOnlyCollection<int> partitions, DateTimeOffset dueBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return RunRead<IReadOnlyList<ReminderEntry>>(cancellationToken, () =>
        {
            var entries = new List<ReminderEntry>();
            using var lease = _database.Reads.Rent();
            var commands = lease.Commands;

            // One snapshot for all partitions; each partition's query uses the (partition, start_at) index.
            commands.Get("BEGIN;").ExecuteNonQuery();
            try
            {
                var command = commands.Get(ReminderSql.ReadDue).Bind("$dueBefore", dueBefore.UtcTicks);
                foreach (var partition in partitions.Distinct())
                {
                    command.Bind("$partition", partition);
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                        entries.Add(ReadEntry(reader, null));
                    }
                }
            }
            finally
            {
                commands.Get("COMMIT;").ExecuteNonQuery();
            }

            entries.Sort(static (x, y) => x.StartAt.UtcTicks.CompareTo(y.StartAt.UtcTicks));
            return entries;
        });
    }

    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _database.Writes.EnqueueAsync(new ReminderUpsertOperation(entry), cancellationToken);
    }

    public Task<bool> RemoveAsync(GrainId grainId, string name, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainId);
        ArgumentNullException.ThrowIfNull(name);

        // An ETag this table never issued cannot be current.
        return VersionEtag.TryParse(etag, out var version)
            ? _database.Writes.EnqueueAsync(new ReminderRemoveOperation(grainId, name, version), cancellationToken)
            : Task.FromResult(false);
    }

    private static ReminderEntry ReadEntry(SqliteDataReader reader, GrainId? grainId) =>
        new(
            grainId ?? GrainId.Create(reader.GetString(0), reader.GetString(1)),
            reader.GetString(2),
            new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
            TimeSpan.FromTicks(reader.GetInt64(5)),
            reader.GetInt32(3),
            VersionEtag.Format(reader.GetInt64(6)));

    private static Task<T> RunRead<T>(CancellationToken cancellationToken, Func<T> read)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(read());
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }
}
