using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Grains.Sqlite;

/// <summary>
/// A statement prepared directly on a connection's handle, for hot loops: parameters bind by name (resolved to their
/// index once) without boxing, blobs bind from spans without a copy into an array, and a step allocates nothing. Used by one thread at a time,
/// like its connection: either cached by the connection's <see cref="SqliteCommandCache"/>, which finalizes it before
/// the connection closes, or prepared for one operation and disposed after it. A query must be <see cref="Reset"/>
/// after its last step (in a <c>finally</c>), so it never keeps a read snapshot open.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, int> _parameters = new(StringComparer.Ordinal);

    private SqliteStatement(sqlite3 database, sqlite3_stmt statement)
    {
        _database = database;
        _statement = statement;
    }

    public static SqliteStatement Prepare(SqliteConnection connection, string sql)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(database, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, database);
        }

        return new SqliteStatement(database, statement ?? throw new ArgumentException("The SQL holds no statement.", nameof(sql)));
    }

    /// <summary>The 1-based index of a named parameter; looked up in SQLite once per statement, then from memory.</summary>
    private int IndexOf(string name)
    {
        if (_parameters.TryGetValue(name, out var index))
        {
            return index;
        }

        index = raw.sqlite3_bind_parameter_index(_statement, name);
        if (index <= 0)
        {
            throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
        }

        _parameters.Add(name, index);
        return index;
    }

    /// <summary>Binds a named parameter; see <see cref="IndexOf"/>.</summary>
    public SqliteStatement Bind(string name, long value)
    {
        Bind(IndexOf(name), value);
        return this;
    }

    /// <summary>Binds a named parameter to a blob; see <see cref="IndexOf"/>.</summary>
    public SqliteStatement Bind(string name, ReadOnlySpan<byte> value)
    {
        Bind(IndexOf(name), value);
        return this;
    }

    private void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    private void Bind(int index, ReadOnlySpan<byte> value) =>
        // SQLite reads an empty span's null pointer as NULL; an empty body is a zero-length blob, not NULL.
        Check(value.IsEmpty ? raw.sqlite3_bind_zeroblob(_statement, index, 0) : raw.sqlite3_bind_blob(_statement, index, value));

    /// <summary>Runs a statement that returns no rows and resets it for the next row; returns the rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }

        return raw.sqlite3_changes(_database);
    }

    /// <summary>Steps a query: true with a row to read through the column getters, false when it has no more rows.</summary>
    /// <remarks>Call <see cref="Reset"/> before binding the statement for its next run.</remarks>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(_statement);
            SqliteException.ThrowExceptionForRC(rc, _database);
        }

        return false;
    }

    public void Reset() => raw.sqlite3_reset(_statement);

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>The bytes of a column of the current row, text as UTF-8; valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> GetBytes(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }
    }
}
