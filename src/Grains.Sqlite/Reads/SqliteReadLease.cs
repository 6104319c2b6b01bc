namespace Grains.Sqlite;

/// <summary>A reader connection rented for one read; disposing returns it to its pool.</summary>
internal readonly struct SqliteReadLease(SqliteReadConnectionPool pool, SqliteCommandCache commands) : IDisposable
{
    public SqliteCommandCache Commands { get; } = commands;

    public void Dispose() => pool.Return(Commands);
}
