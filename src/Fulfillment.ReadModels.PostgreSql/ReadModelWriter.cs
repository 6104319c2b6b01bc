using System.Data;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fulfillment.ReadModels.PostgreSql;

/// <summary>
/// This process's identity among the writers of one read-model schema, and the connection it writes on.
/// <para>
/// Why writers: several processes project into the same tables, each with its own marks (<c>OrderMarks</c>). A mark
/// dropped by one process must never be one another process still relies on, so marks are rows of their writer. A
/// writer is a row of <c>rm_writers</c> whose id this process holds a session advisory lock on, on the connection it
/// writes on: while the process (and its session) lives nobody else can take the lock. A writer takes over every
/// writer whose lock it can take — one that stopped or died — moving its marks to itself (so they are projected again,
/// and dropped in time) and deleting it, all while holding that writer's lock: at start, and whenever the projector
/// asks (<see cref="TakeOverStoppedWritersAsync"/>), so the marks of a silo that died are taken by one that runs on.
/// </para>
/// <para>
/// When this writer's own session is lost, the lock goes with it, so a writer starting meanwhile may take it over. On
/// reconnecting it takes its lock again and looks for its row: if it is there, nothing happened; if not, it registers
/// as a new writer and marks again every order it holds marked, so the marks the projector believes durable are.
/// </para>
/// </summary>
internal sealed class ReadModelWriter(NpgsqlDataSource dataSource, string database, TimeProvider time, ILogger logger) : IAsyncDisposable
{
    private readonly HashSet<string> _marks = new(StringComparer.Ordinal);
    private readonly Lock _marksLock = new();

    // Re-establishing may change WriterId; a takeover must not move marks to an id that is being replaced.
    private readonly SemaphoreSlim _identity = new(1, 1);
    private NpgsqlConnection? _connection;

    /// <summary>This writer's id: its row in <c>rm_writers</c> and the key of its advisory lock.</summary>
    public long WriterId { get; private set; }

    /// <summary>Opens the connection, registers a new writer and takes over every stopped writer's marks.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        WriterId = await RegisterAsync(_connection, cancellationToken).ConfigureAwait(false);
        await TakeOverAsync(_connection, cancellationToken).ConfigureAwait(false);
        await using var marks = new NpgsqlCommand(ReadModelSql.MarkedOrders, _connection) { Parameters = { new() { Value = WriterId } } };
        await using var reader = await marks.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            _marks.Add(reader.GetString(0));
        }
    }

    /// <summary>The connection to write on, reconnected (and this writer re-established) if the last one was lost.</summary>
    public async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            throw new InvalidOperationException("The read-model store is not initialized.");
        }

        if (_connection.FullState == ConnectionState.Open)
        {
            return _connection;
        }

        await _identity.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await ReestablishAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            _connection = connection;
            return connection;
        }
        finally
        {
            _identity.Release();
        }
    }

    /// <summary>A batch committed: its unmarks are gone and its marks held.</summary>
    public void Committed(ProjectionBatch batch)
    {
        lock (_marksLock)
        {
            _marks.ExceptWith(batch.Unmark);
            _marks.UnionWith(batch.Mark);
        }
    }

    /// <summary>
    /// Takes over the writers that stopped or died since the last look, on a pooled connection (the writer's own may be
    /// busy with a batch); returns the orders whose marks were theirs, now this writer's.
    /// </summary>
    public async Task<IReadOnlyList<string>> TakeOverStoppedWritersAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            throw new InvalidOperationException("The read-model store is not initialized.");
        }

        await _identity.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var taken = await TakeOverAsync(connection, cancellationToken).ConfigureAwait(false);
            lock (_marksLock)
            {
                _marks.UnionWith(taken);
            }

            return taken;
        }
        finally
        {
            _identity.Release();
        }
    }

    /// <summary>
    /// Ends the session: a writer holding no marks deletes its row, then the lock is released with the connection. A
    /// writer with marks keeps its row for the next start to take over.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection is not { } connection)
        {
            return;
        }

        _connection = null;
        _identity.Dispose();
        try
        {
            if (connection.FullState == ConnectionState.Open)
            {
                await ExecuteAsync(
                    connection,
                    "DELETE FROM rm_writers WHERE writer_id = $1 AND NOT EXISTS (SELECT 1 FROM rm_marked_orders WHERE writer_id = $1);",
                    CancellationToken.None,
                    WriterId).ConfigureAwait(false);
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1);", CancellationToken.None, WriterId).ConfigureAwait(false);
            }
        }
        catch (NpgsqlException error)
        {
            PostgreSqlReadModelLog.CloseFailed(logger, error, WriterId, database);
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Takes the lock of a new random id, then inserts its row: a row is never seen without its lock held.</summary>
    private async Task<long> RegisterAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            var id = Random.Shared.NextInt64(1, long.MaxValue);
            if (!await TryLockAsync(connection, id, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var inserted = await ExecuteAsync(
                connection,
                "INSERT INTO rm_writers (writer_id, started_at) VALUES ($1, $2) ON CONFLICT DO NOTHING;",
                cancellationToken,
                id,
                time.GetUtcNow().UtcTicks).ConfigureAwait(false);
            if (inserted == 1)
            {
                return id;
            }

            // An id a stopped writer still has: leave it to be taken over, and draw another.
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1);", cancellationToken, id).ConfigureAwait(false);
        }
    }

    /// <summary>Moves the marks of every writer whose lock is free to this writer, and deletes those writers; returns the orders moved.</summary>
    private async Task<IReadOnlyList<string>> TakeOverAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var others = new List<long>();
        await using (var command = new NpgsqlCommand("SELECT writer_id FROM rm_writers WHERE writer_id <> $1 ORDER BY writer_id;", connection))
        {
            command.Parameters.Add(new() { Value = WriterId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                others.Add(reader.GetInt64(0));
            }
        }

        var taken = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var other in others)
        {
            if (!await TryLockAsync(connection, other, cancellationToken).ConfigureAwait(false))
            {
                continue; // Running: its marks are its own.
            }

            try
            {
                var moved = await MoveMarksAsync(connection, other, WriterId, cancellationToken).ConfigureAwait(false);
                taken.UnionWith(moved);
                PostgreSqlReadModelLog.TookOver(logger, WriterId, moved.Count, other, database);
            }
            finally
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1);", CancellationToken.None, other).ConfigureAwait(false);
            }
        }

        return [.. taken];
    }

    /// <summary>
    /// On a new connection: takes this writer's lock again (waiting while another writer is taking it over) and, if its
    /// row is gone, registers anew and marks again every order it holds marked.
    /// </summary>
    private async Task ReestablishAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1);", cancellationToken, WriterId).ConfigureAwait(false);
        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM rm_writers WHERE writer_id = $1);", connection))
        {
            exists.Parameters.Add(new() { Value = WriterId });
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return;
            }
        }

        string[] marks;
        lock (_marksLock)
        {
            marks = [.. _marks.Order(StringComparer.Ordinal)];
        }

        var replaced = WriterId;
        WriterId = await RegisterAsync(connection, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, ReadModelSql.Mark, cancellationToken, WriterId, marks).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1);", cancellationToken, replaced).ConfigureAwait(false);
        PostgreSqlReadModelLog.Replaced(logger, replaced, database, WriterId, marks.Length);
    }

    /// <summary>
    /// Moves the marks of writer <paramref name="from"/> to <paramref name="to"/> and deletes <paramref name="from"/>, in
    /// one transaction; returns the orders <paramref name="from"/> had marked. Inserted in id order, as a batch marks
    /// them, so it never deadlocks with this writer's own batches.
    /// </summary>
    private static async Task<List<string>> MoveMarksAsync(NpgsqlConnection connection, long from, long to, CancellationToken cancellationToken)
    {
        var moved = new List<string>();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(
            """
            WITH gone AS (DELETE FROM rm_marked_orders WHERE writer_id = $1 RETURNING order_id),
            kept AS (INSERT INTO rm_marked_orders (writer_id, order_id) SELECT $2, order_id FROM gone ORDER BY order_id ON CONFLICT DO NOTHING)
            SELECT order_id FROM gone;
            """,
            connection,
            transaction))
        {
            command.Parameters.Add(new() { Value = from });
            command.Parameters.Add(new() { Value = to });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                moved.Add(reader.GetString(0));
            }
        }

        await ExecuteAsync(connection, "DELETE FROM rm_writers WHERE writer_id = $1;", cancellationToken, from).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return moved;
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1);", connection);
        command.Parameters.Add(new() { Value = id });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
