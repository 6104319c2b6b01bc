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
/// <para>
/// Then, every <see cref="ReadModelOptions.RecoveryInterval"/>, it takes over the marks of writers that stopped or died
/// on a store other processes share (a silo that died leaves them; the silos that run on take them) and projects those
/// orders the same way, along with any whose recovery failed before.
/// </para>
/// </summary>
internal sealed partial class ProjectionRecovery(
    IReadModelStore store,
    ProjectionQueue queue,
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<ReadModelOptions> options,
    TimeProvider time,
    ILogger<ProjectionRecovery> logger) : BackgroundService
{
    private readonly TaskCompletionSource<int> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Counting from the host's start (the service is built then): a tick due while the start-up recovery runs is kept
    // by the timer, not lost.
    private readonly PeriodicTimer _interval = new(options.Value.RecoveryInterval, time);

    /// <summary>Completes with the number of orders projected again, once every marked order was.</summary>
    public Task<int> Completion => _completion.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitForStartAsync(stoppingToken).ConfigureAwait(false);
            var marked = await store.MarkedOrdersAsync(stoppingToken).ConfigureAwait(false);
            var projected = await ProjectAllAsync(marked, stoppingToken).ConfigureAwait(false);
            LogRecovered(projected, marked.Count);
            _completion.TrySetResult(projected);
            await FollowStoppedWritersAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(stoppingToken);
        }
    }

    private async Task FollowStoppedWritersAsync(CancellationToken stoppingToken)
    {
        while (await _interval.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            IReadOnlyList<string> taken;
            try
            {
                taken = await store.TakeOverStoppedWritersAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Nothing was moved; the next tick looks again.
                LogTakeOverFailed(error);
                taken = [];
            }

            queue.Marks.Adopt(taken, time.GetUtcNow());
            var pending = queue.Marks.AwaitingRecovery();
            if (pending.Length > 0)
            {
                var projected = await ProjectAllAsync(pending, stoppingToken).ConfigureAwait(false);
                LogTookOver(taken.Count, projected, pending.Length);
            }
        }
    }

    /// <summary>Projects the orders from their grains, <see cref="ReadModelOptions.RecoveryParallelism"/> at once; returns how many were.</summary>
    private async Task<int> ProjectAllAsync(IReadOnlyCollection<string> orderIds, CancellationToken stoppingToken)
    {
        var projected = 0;
        await Parallel.ForEachAsync(
            orderIds,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.RecoveryParallelism, CancellationToken = stoppingToken },
            async (orderId, cancellationToken) =>
            {
                if (await ProjectAsync(orderId, cancellationToken).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref projected);
                }
            }).ConfigureAwait(false);
        return projected;
    }

    /// <summary>
    /// Projects one order as its grain holds it, and then lets its mark be swept; false for an order its grain does not
    /// know (nothing to project) or that could not be read (its mark stays, and is tried again).
    /// </summary>
    private async Task<bool> ProjectAsync(string orderId, CancellationToken cancellationToken)
    {
        var order = grains.GetGrain<IOrderGrain>(orderId);
        try
        {
            if (await order.Get().ConfigureAwait(false) is not { } view)
            {
                queue.Marks.Recovered(orderId);
                return false;
            }

            var alerts = await order.GetAlerts().ConfigureAwait(false);
            await queue.PublishAsync(new OrderChange(view, alerts), waitForCommit: true, cancellationToken).ConfigureAwait(false);
            queue.Marks.Recovered(orderId);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The mark stays: the order is projected at the next recovery tick or the next start.
            LogOrderFailed(orderId, error);
            return false;
        }
    }

    public override void Dispose()
    {
        _interval.Dispose();
        base.Dispose();
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

    [LoggerMessage(3013, LogLevel.Information, "Read-model recovery took over {Taken} marked orders of stopped writers; projected {Projected} of {Pending} awaiting recovery from their grains")]
    private partial void LogTookOver(int taken, int projected, int pending);

    [LoggerMessage(3014, LogLevel.Warning, "Read-model recovery could not look for stopped writers' marks; it looks again at the next interval")]
    private partial void LogTakeOverFailed(Exception error);
}
