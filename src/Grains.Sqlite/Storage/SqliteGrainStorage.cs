using Grains.Storage;

namespace Grains.Sqlite;

/// <summary>
/// Grain state in a SQLite database. A row per (grain type, key, state name) holds the payload and an integer version
/// that is the ETag; a clear keeps the row with a NULL payload, so versions, and with them ETags, never repeat.
/// Writes go through the database's group-commit writer and complete once committed; reads use pooled WAL readers
/// and run on the calling thread, as SQLite has no asynchronous I/O.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage
{
    private readonly SqliteDatabase _database;

    /// <summary>A provider over <paramref name="database"/>, which the caller keeps open while the provider is in use.</summary>
    public SqliteGrainStorage(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>The database this provider writes to; providers on the same file share it.</summary>
    internal SqliteDatabase Database => _database;

    public Task<GrainStateRecord?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<GrainStateRecord?>(cancellationToken);
        }

        try
        {
            return Task.FromResult(Read(key));
        }
        catch (Exception exception)
        {
            return Task.FromException<GrainStateRecord?>(exception);
        }
    }

    public Task<string> WriteAsync(GrainStateKey key, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default) =>
        ReplaceAsync(key, data.ToArray(), expectedEtag, cancellationToken);

    public Task<string> ClearAsync(GrainStateKey key, string? expectedEtag, CancellationToken cancellationToken = default) =>
        ReplaceAsync(key, null, expectedEtag, cancellationToken);

    private GrainStateRecord? Read(GrainStateKey key)
    {
        using var lease = _database.Reads.Rent();
        var command = lease.Commands.Get(GrainStateSql.Read)
            .Bind("$grainType", key.GrainType)
            .Bind("$grainKey", key.GrainKey)
            .Bind("$stateName", key.StateName);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var data = reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
        return new GrainStateRecord(data, VersionEtag.Format(reader.GetInt64(0)));
    }

    private async Task<string> ReplaceAsync(GrainStateKey key, byte[]? data, string? expectedEtag, CancellationToken cancellationToken)
    {
        // The copy in WriteAsync keeps the payload stable while the write waits for its batch.
        var operation = new GrainStateWriteOperation(key, data, expectedEtag, _database.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        var result = await _database.Writes.EnqueueAsync(operation, cancellationToken).ConfigureAwait(false);
        return result.Etag ?? throw new InconsistentStateException(
            $"Version conflict writing {key}: storage has ETag '{result.StoredEtag ?? "<none>"}', the writer expected '{expectedEtag ?? "<none>"}'.",
            result.StoredEtag,
            expectedEtag);
    }
}
