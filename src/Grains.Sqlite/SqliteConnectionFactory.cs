using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Grains.Sqlite;

/// <summary>Opens the writer and reader connections of one database file with the pragmas each role needs.</summary>
internal sealed class SqliteConnectionFactory
{
    private readonly string _writerConnectionString;
    private readonly string _readerConnectionString;
    private readonly string _pragmas;
    private readonly string _writerPragmas;

    public SqliteConnectionFactory(string dataSource, SqliteStorageOptions options)
    {
        // Microsoft.Data.Sqlite retries busy statements until the command timeout on top of SQLite's own busy
        // handler, so keep that timeout close to BusyTimeout. Its pooling is off: connections are pooled here, and
        // disposing a database must really close the file.
        var timeoutSeconds = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        _writerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            DefaultTimeout = timeoutSeconds,
        }.ToString();
        _readerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            DefaultTimeout = timeoutSeconds,
        }.ToString();
        var busyMilliseconds = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        _pragmas = $"PRAGMA busy_timeout = {busyMilliseconds}; PRAGMA foreign_keys = ON;";
        _writerPragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA cache_size = -{options.CacheSizeKiB}; PRAGMA wal_autocheckpoint = {options.WalAutoCheckpointPages};");
        Synchronous = options.Synchronous;
    }

    public SqliteSynchronousMode Synchronous { get; }

    /// <summary>
    /// Opens the single writer: creates the file if needed, switches it to WAL, sets the commit durability, its page
    /// cache and the WAL size that triggers a checkpoint.
    /// </summary>
    /// <returns>The connection and the journal mode SQLite reports, which is not WAL on file systems that cannot share memory.</returns>
    public (SqliteConnection Connection, string JournalMode) OpenWriter()
    {
        var connection = new SqliteConnection(_writerConnectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();

            // journal_mode answers with the mode now in force; it is stored in the file and cannot change inside a transaction.
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var journalMode = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? string.Empty;
            command.CommandText = Synchronous == SqliteSynchronousMode.Full ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;";
            command.ExecuteNonQuery();
            command.CommandText = _writerPragmas;
            command.ExecuteNonQuery();
            return (connection, journalMode);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens a reader. <c>query_only</c> makes any write through it fail instead of bypassing the write queue.</summary>
    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_readerConnectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas + " PRAGMA query_only = ON;";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
