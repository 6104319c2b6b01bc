using Microsoft.Extensions.Logging;

namespace Grains.PostgreSql;

internal static partial class PostgreSqlLog
{
    [LoggerMessage(1, LogLevel.Information, "Opened PostgreSQL database {Database} at schema version {SchemaVersion}")]
    public static partial void DatabaseOpened(ILogger logger, string database, int schemaVersion);

    [LoggerMessage(2, LogLevel.Information, "Applied schema migration {Version} ({Name}) to {Database}")]
    public static partial void MigrationApplied(ILogger logger, int version, string name, string database);

    [LoggerMessage(3, LogLevel.Error, "A write batch of {Count} operations on {Database} failed and was rolled back")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int count, string database);

    [LoggerMessage(4, LogLevel.Warning, "PostgreSQL aborted a transaction on {Database} ({SqlState}); running it again, attempt {Attempt}")]
    public static partial void TransactionRetried(ILogger logger, string database, string sqlState, int attempt);

    [LoggerMessage(5, LogLevel.Error, "A stream append transaction of {Count} appends on {Database} failed and was rolled back")]
    public static partial void AppendFailed(ILogger logger, Exception exception, int count, string database);

    [LoggerMessage(6, LogLevel.Error, "A handler of Appended failed for partitions {Partitions} of {Database}; the append itself committed")]
    public static partial void AppendedHandlerFailed(ILogger logger, Exception exception, string partitions, string database);

    [LoggerMessage(7, LogLevel.Information, "Closed PostgreSQL database {Database} after {Commits} write commits")]
    public static partial void DatabaseClosed(ILogger logger, string database, long commits);
}
