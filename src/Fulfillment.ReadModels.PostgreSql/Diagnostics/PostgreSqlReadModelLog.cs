using Microsoft.Extensions.Logging;

namespace Fulfillment.ReadModels.PostgreSql;

internal static partial class PostgreSqlReadModelLog
{
    [LoggerMessage(3101, LogLevel.Information, "Read-model store on {Database} started as writer {WriterId} at schema version {SchemaVersion}")]
    public static partial void Started(ILogger logger, string database, long writerId, int schemaVersion);

    [LoggerMessage(3102, LogLevel.Information, "Read-model writer {WriterId} took over {Marks} marked orders of stopped writer {StoppedWriterId} on {Database}")]
    public static partial void TookOver(ILogger logger, long writerId, int marks, long stoppedWriterId, string database);

    [LoggerMessage(3103, LogLevel.Warning, "Read-model writer {WriterId} lost its session on {Database} and was taken over meanwhile; it continues as writer {NewWriterId} and marked its {Marks} orders again")]
    public static partial void Replaced(ILogger logger, long writerId, string database, long newWriterId, int marks);

    [LoggerMessage(3104, LogLevel.Warning, "Read-model writer {WriterId} could not close its session on {Database} cleanly; its marks stay for the next start to take over")]
    public static partial void CloseFailed(ILogger logger, Exception exception, long writerId, string database);
}
