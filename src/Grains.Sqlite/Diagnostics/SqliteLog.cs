using Microsoft.Extensions.Logging;

namespace Grains.Sqlite;

internal static partial class SqliteLog
{
    [LoggerMessage(1, LogLevel.Information, "Opened SQLite database {DataSource} at schema version {SchemaVersion}")]
    public static partial void DatabaseOpened(ILogger logger, string dataSource, int schemaVersion);

    [LoggerMessage(2, LogLevel.Information, "Applied schema migration {Version} ({Name}) to {DataSource}")]
    public static partial void MigrationApplied(ILogger logger, int version, string name, string dataSource);

    [LoggerMessage(3, LogLevel.Warning, "SQLite database {DataSource} runs in journal mode {JournalMode}, not WAL; readers will block the writer")]
    public static partial void NotWal(ILogger logger, string dataSource, string journalMode);

    [LoggerMessage(4, LogLevel.Error, "A write batch of {Count} operations on {DataSource} failed and was rolled back")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int count, string dataSource);

    [LoggerMessage(5, LogLevel.Error, "Rolling back a failed write batch on {DataSource} failed")]
    public static partial void RollbackFailed(ILogger logger, Exception exception, string dataSource);

    [LoggerMessage(6, LogLevel.Information, "Closed SQLite database {DataSource} after {Commits} commits")]
    public static partial void DatabaseClosed(ILogger logger, string dataSource, long commits);

    [LoggerMessage(7, LogLevel.Information, "Moved {Events} stream events of {DataSource} into {Segments} segments")]
    public static partial void StreamEventsMoved(ILogger logger, long events, long segments, string dataSource);
}
