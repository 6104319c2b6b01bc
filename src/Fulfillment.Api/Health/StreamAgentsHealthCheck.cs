using Grains.Runtime.Placement;
using Grains.Streams;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fulfillment.Api.Health;

/// <summary>Ready only once the silo owns partitions and runs a pulling agent for each of them.</summary>
internal sealed class StreamAgentsHealthCheck(IStreamMonitor monitor, IPartitionOwnership ownership) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var owned = ownership.OwnedPartitions.Count;
        var running = (await monitor.GetStatusAsync(cancellationToken)).Count;
        return owned > 0 && running >= owned
            ? HealthCheckResult.Healthy($"{running} of {ownership.PartitionCount} partitions owned, each with a running stream agent.")
            : HealthCheckResult.Unhealthy($"{running} stream agents run for {owned} owned of {ownership.PartitionCount} partitions.");
    }
}
