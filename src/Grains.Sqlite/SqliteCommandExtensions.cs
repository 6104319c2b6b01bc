using Microsoft.Data.Sqlite;

namespace Grains.Sqlite;

internal static class SqliteCommandExtensions
{
    /// <summary>Sets a parameter of a reused command, adding it on first use; null binds SQL NULL.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index < 0)
        {
            parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        else
        {
            parameters[index].Value = value ?? DBNull.Value;
        }

        return command;
    }

    /// <summary>True while the connection is inside a transaction that was neither committed nor rolled back.</summary>
    public static bool InTransaction(this SqliteConnection connection) =>
        connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;
}
