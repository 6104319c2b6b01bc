using Microsoft.Extensions.Logging;

namespace Grains.Runtime.Cluster;

public sealed partial class PartitionLeaseManager
{
    [LoggerMessage(1701, LogLevel.Information, "Silo {SiloId} joined the cluster serving {Owned} of {Partitions} partitions")]
    private partial void LogStarted(string siloId, int owned, int partitions);

    [LoggerMessage(1702, LogLevel.Information, "Silo {SiloId} claimed {Count} partitions ({Partitions}); fair share {Share} among {LiveSilos} live silos")]
    private partial void LogGained(string siloId, int count, string partitions, int share, int liveSilos);

    [LoggerMessage(1703, LogLevel.Information, "Silo {SiloId} hands off {Count} partitions above its fair share {Share} among {LiveSilos} live silos")]
    private partial void LogShedding(string siloId, int count, int share, int liveSilos);

    [LoggerMessage(1704, LogLevel.Information, "Silo {SiloId} handed off and released {Count} partitions ({Partitions})")]
    private partial void LogReleased(string siloId, int count, string partitions);

    [LoggerMessage(1705, LogLevel.Warning, "Silo {SiloId} stopped serving {Count} partitions ({Partitions}): {Reason}")]
    private partial void LogLost(string siloId, int count, string partitions, string reason);

    [LoggerMessage(1706, LogLevel.Warning, "Cluster store operation {Operation} failed; the next round retries")]
    private partial void LogStoreFailed(string operation, Exception error);

    [LoggerMessage(1707, LogLevel.Error, "Partition work ({What}) for partitions {Partitions} failed")]
    private partial void LogPartitionWorkFailed(string what, string partitions, Exception error);

    [LoggerMessage(1708, LogLevel.Information, "Silo {SiloId} marked dead: no heartbeat since {HeartbeatAt:o}")]
    private partial void LogMarkedDead(string siloId, DateTimeOffset heartbeatAt);

    [LoggerMessage(1709, LogLevel.Information, "Silo {SiloId} stopping: handing off {Count} partitions")]
    private partial void LogStopping(string siloId, int count);

    [LoggerMessage(1710, LogLevel.Information, "Silo {SiloId} left the cluster")]
    private partial void LogStopped(string siloId);
}
