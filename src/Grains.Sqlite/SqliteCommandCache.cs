using Microsoft.Data.Sqlite;

namespace Grains.Sqlite;

/// <summary>
/// The commands of one connection, created once per SQL text so their compiled statements are reused, and the raw
/// <see cref="SqliteStatement"/>s of its hot paths, likewise. Like its connection, it is used by one thread at a time,
/// and it is disposed before the connection closes.
/// </summary>
internal sealed class SqliteCommandCache(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; } = connection;

    public SqliteCommand Get(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        return command;
    }

    /// <summary>
    /// The statement of <paramref name="sql"/> (one statement), prepared on the connection's handle on first use. Its
    /// bindings stay from one use to the next; a query must be reset after its last step.
    /// </summary>
    public SqliteStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = SqliteStatement.Prepare(Connection, sql);
            _statements.Add(sql, statement);
        }

        return statement;
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
