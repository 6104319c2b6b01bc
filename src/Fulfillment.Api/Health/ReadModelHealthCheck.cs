using Fulfillment.ReadModels;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fulfillment.Api.Health;

/// <summary>Ready once the read models caught up after the start: every order marked before it was projected again from its grain.</summary>
internal sealed class ReadModelHealthCheck(ReadModelQueries readModels) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readModels.Recovery switch
        {
            { IsCompletedSuccessfully: true } done => HealthCheckResult.Healthy($"Caught up: {done.Result} orders marked at start were projected again."),
            { IsFaulted: true } or { IsCanceled: true } => HealthCheckResult.Unhealthy("The read-model recovery did not finish; see the log."),
            _ => HealthCheckResult.Unhealthy("Projecting the orders marked at start again from their grains."),
        });
}
