using Grains.Streams;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fulfillment.Api.Health;

/// <summary>Ready only if the stores the silo depends on answer: the stream log, the checkpoints and the dead letters.</summary>
internal sealed class StorageHealthCheck(IStreamLog log, ICheckpointStore checkpoints, IDeadLetterStore deadLetters, IStreamMonitor monitor) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await log.GetPartitionInfoAsync(0, cancellationToken);
            await checkpoints.ReadAsync(monitor.ConsumerGroup, 0, cancellationToken);
            await deadLetters.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy("The stream log, checkpoints and dead letters answer.");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Storage does not answer: {error.GetType().Name}: {error.Message}", error);
        }
    }
}
