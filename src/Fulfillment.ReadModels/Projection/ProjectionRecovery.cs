using Fulfillment.Contracts.Orders;
using Fulfillment.Grains.Changes;
using Grains;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfillment.ReadModels.Projection;

/// <summary>
/// After a start, projects every marked order again from its grain: a change its grain made durable before a crash but
/// the projector had not written yet is then in the read model too (see <see cref="OrderMarks"/>). It waits for the
/// host to have started (the silo answers calls), reads each order and its alerts, and waits for each commit;
/// <see cref="Completion"/> tells when all are done, which readiness reports.
/// </summary>
internal sealed partial class ProjectionRecovery(
    IReadModelStore store,
    ProjectionQueue queue,
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<ReadModelOptions> options,
    ILogger<ProjectionRecovery> logger) : BackgroundService
{
    private readonly TaskCompletionSource<int> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the number of orders projected again, once every marked order was.</summary>
    public Task<int> Completion => _completion.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitForStartAsync(stoppingToken).ConfigureAwait(false);
            var marked = await store.MarkedOrdersAsync(stoppingToken).ConfigureAwait(false);
            var projected = 0;
            await Parallel.ForEachAsync(
                marked,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.RecoveryParallelism, CancellationToken = stoppingToken },
                async (orderId, cancellationToken) =>
                {
                    if (await ProjectAsync(orderId, cancellationToken).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref projected);
                    }
                }).ConfigureAwait(false);
            LogRecovered(projected, marked.Count);
            _completion.TrySetResult(projected);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(stoppingToken);
        }
    }

    /// <summary>Projects one order as its grain holds it; false for an order its grain does not know (nothing to project).</summary>
    private async Task<bool> ProjectAsync(string orderId, CancellationToken cancellationToken)
    {
        var order = grains.GetGrain<IOrderGrain>(orderId);
        try
        {
            if (await order.Get().ConfigureAwait(false) is not { } view)
            {
                return false;
            }

            var alerts = await order.GetAlerts().ConfigureAwait(false);
            await queue.PublishAsync(new OrderChange(view, alerts), waitForCommit: true, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The mark stays: the order is projected at its next change or the next start.
            LogOrderFailed(orderId, error);
            return false;
        }
    }

    private async Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(3011, LogLevel.Information, "Read-model recovery projected {Projected} of {Marked} marked orders from their grains")]
    private partial void LogRecovered(int projected, int marked);

    [LoggerMessage(3012, LogLevel.Warning, "Read-model recovery could not project order {OrderId}; it stays marked")]
    private partial void LogOrderFailed(string orderId, Exception error);
}
