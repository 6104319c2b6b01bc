using System.Collections.Concurrent;

namespace Grains.Sqlite;

/// <summary>
/// Reader connections of one database. In WAL mode readers see the last committed snapshot without blocking the
/// writer, so every read rents its own connection; idle ones are kept with their compiled statements.
/// </summary>
internal sealed class SqliteReadConnectionPool : IDisposable
{
    private readonly SqliteConnectionFactory _factory;
    private readonly ConcurrentQueue<SqliteCommandCache> _idle = new();
    private readonly int _maxIdle;
    private int _idleCount;
    private volatile bool _disposed;

    public SqliteReadConnectionPool(SqliteConnectionFactory factory, int maxIdle)
    {
        _factory = factory;
        _maxIdle = maxIdle;
    }

    public SqliteReadLease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryDequeue(out var commands))
        {
            Interlocked.Decrement(ref _idleCount);
            return new SqliteReadLease(this, commands);
        }

        return new SqliteReadLease(this, new SqliteCommandCache(_factory.OpenReader()));
    }

    internal void Return(SqliteCommandCache commands)
    {
        // A connection left inside a transaction by a failed read would pin an old snapshot: close it instead.
        if (_disposed || commands.Connection.InTransaction() || !TryReserveIdleSlot())
        {
            Close(commands);
            return;
        }

        _idle.Enqueue(commands);
        if (_disposed)
        {
            // Dispose may have drained the queue before this enqueue.
            Drain();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Drain();
    }

    private void Drain()
    {
        while (_idle.TryDequeue(out var commands))
        {
            Interlocked.Decrement(ref _idleCount);
            Close(commands);
        }
    }

    private bool TryReserveIdleSlot()
    {
        if (Interlocked.Increment(ref _idleCount) <= _maxIdle)
        {
            return true;
        }

        Interlocked.Decrement(ref _idleCount);
        return false;
    }

    private static void Close(SqliteCommandCache commands)
    {
        commands.Dispose();
        commands.Connection.Dispose();
    }
}
