using Grains.Reminders;
using Grains.Storage;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// Reminders in a PostgreSQL schema. Upserts and removals go through the database's group-commit writers; reads run on
/// pooled connections. ETags come from one sequence per schema, so they never repeat for a reminder, not even after
/// it was removed and registered again, whichever process registered it.
/// </summary>
public sealed class PostgreSqlReminderTable : IReminderTable
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>A table over <paramref name="database"/>, which the caller keeps open while the table is in use.</summary>
    public PostgreSqlReminderTable(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>The database this provider writes to; providers on the same schema share it.</summary>
    internal PostgreSqlDatabase Database => _database;

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainId);
        ArgumentNullException.ThrowIfNull(name);
        await using var command = CreateGrainCommand(ReminderSql.Read, grainId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        var entries = await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainId);
        await using var command = CreateGrainCommand(ReminderSql.ReadAll, grainId);
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(IReadOnlyCollection<int> partitions, DateTimeOffset dueBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        if (partitions.Count == 0)
        {
            return [];
        }

        await using var command = _database.DataSource.CreateCommand(ReminderSql.ReadDue);
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. partitions.Distinct()] });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = dueBefore.UtcTicks });
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
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

    private NpgsqlCommand CreateGrainCommand(string sql, GrainId grainId)
    {
        var command = _database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        return command;
    }

    private static async Task<List<ReminderEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                GrainId.Create(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                TimeSpan.FromTicks(reader.GetInt64(5)),
                reader.GetInt32(3),
                VersionEtag.Format(reader.GetInt64(6))));
        }

        return entries;
    }
}
