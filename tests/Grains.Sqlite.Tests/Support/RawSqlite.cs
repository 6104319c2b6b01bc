using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Grains.Sqlite.Tests;

/// <summary>Looks at a database file through a connection of its own, independent of the providers.</summary>
internal static class RawSqlite
{
    public static SqliteConnection Open(string dataSource)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static object? Scalar(string dataSource, string sql)
    {
        using var connection = Open(dataSource);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static long Count(string dataSource, string sql) => Convert.ToInt64(Scalar(dataSource, sql), CultureInfo.InvariantCulture);
}
