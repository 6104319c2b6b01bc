using Grains.Storage;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// Grain state in a PostgreSQL schema. A row per (grain type, key, state name) holds the payload and a bigint version
/// that is the ETag; a clear keeps the row with a NULL payload, so versions, and with them ETags, never repeat. Writes
/// go through the database's group-commit writers and complete once committed; a conflicting write fails alone.
/// </summary>
public sealed class PostgreSqlGrainStorage : IGrainStorage
{
    private readonly PostgreSqlDatabase _database;

    /// <summary>A provider over <paramref name="database"/>, which the caller keeps open while the provider is in use.</summary>
    public PostgreSqlGrainStorage(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>The database this provider writes to; providers on the same schema share it.</summary>
    internal PostgreSqlDatabase Database => _database;

    public async Task<GrainStateRecord?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default)
    {
        await using var command = CreateKeyCommand(GrainStateSql.Read, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var data = reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
        return new GrainStateRecord(data, VersionEtag.Format(reader.GetInt64(0)));
    }

    public Task<string> WriteAsync(GrainStateKey key, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default) =>
        ReplaceAsync(key, data.ToArray(), expectedEtag, cancellationToken);

    public Task<string> ClearAsync(GrainStateKey key, string? expectedEtag, CancellationToken cancellationToken = default) =>
        ReplaceAsync(key, null, expectedEtag, cancellationToken);

    private async Task<string> ReplaceAsync(GrainStateKey key, byte[]? data, string? expectedEtag, CancellationToken cancellationToken)
    {
        var issued = VersionEtag.TryParse(expectedEtag, out var expectedVersion);
        if (expectedEtag is null || issued)
        {
            // The copy in WriteAsync keeps the payload stable while the write waits for its batch.
            var operation = new GrainStateWriteOperation(
                key, data, expectedEtag is null ? null : expectedVersion, _database.TimeProvider.GetUtcNow().UtcTicks);
            if (await _database.Writes.EnqueueAsync(operation, cancellationToken).ConfigureAwait(false) is { } version)
            {
                return VersionEtag.Format(version);
            }
        }

        // The write lost (or named an ETag this provider never issued); read afresh which ETag it lost against.
        var stored = await ReadVersionAsync(key, cancellationToken).ConfigureAwait(false);
        throw new InconsistentStateException(
            $"Version conflict writing {key}: storage has ETag '{stored ?? "<none>"}', the writer expected '{expectedEtag ?? "<none>"}'.",
            stored,
            expectedEtag);
    }

    private async Task<string?> ReadVersionAsync(GrainStateKey key, CancellationToken cancellationToken)
    {
        await using var command = CreateKeyCommand(GrainStateSql.ReadVersion, key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? VersionEtag.Format(version) : null;
    }

    private NpgsqlCommand CreateKeyCommand(string sql, GrainStateKey key)
    {
        var command = _database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.GrainType });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.GrainKey });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.StateName });
        return command;
    }
}
