using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfillment.ReadModels.Feed;

/// <summary>
/// Keeps the live alert feed complete when other processes write the same store: whenever the store says alert changes
/// may have been committed elsewhere (<see cref="IReadModelStore.WaitForAlertChangesAsync"/>), or this process's own
/// commit could not be published at once, it reads the store after the last change published and publishes what it
/// finds (<see cref="AlertFeedPublisher.CatchUpAsync"/>). With a store only this process writes it never wakes.
/// </summary>
internal sealed partial class AlertFeedFollower(
    AlertFeedPublisher publisher,
    IReadModelStore store,
    IOptions<ReadModelOptions> options,
    TimeProvider time,
    ILogger<AlertFeedFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var behind = publisher.WaitUntilBehindAsync(stoppingToken);
        var notified = store.WaitForAlertChangesAsync(stoppingToken);
        try
        {
            while (true)
            {
                await Task.WhenAny(behind, notified).ConfigureAwait(false);
                try
                {
                    if (behind.IsCompleted)
                    {
                        await behind.ConfigureAwait(false);
                        behind = publisher.WaitUntilBehindAsync(stoppingToken);
                    }

                    if (notified.IsCompleted)
                    {
                        // A failed wait (the listener could not connect) is retried by the next call.
                        notified = notified.IsFaulted ? Retry(notified, stoppingToken) : store.WaitForAlertChangesAsync(stoppingToken);
                    }

                    await publisher.CatchUpAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // Nothing was published past what was read; the next wake reads again from the same place.
                    LogCatchUpFailed(publisher.Published, error);
                    await Task.Delay(options.Value.RetryDelay, time, stoppingToken).ConfigureAwait(false);
                    behind = Task.CompletedTask;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private Task Retry(Task failed, CancellationToken stoppingToken)
    {
        LogListenFailed(failed.Exception!.GetBaseException());
        return WaitThenListenAsync(stoppingToken);
    }

    private async Task WaitThenListenAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(options.Value.RetryDelay, time, stoppingToken).ConfigureAwait(false);
        await store.WaitForAlertChangesAsync(stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(3021, LogLevel.Warning, "Reading alert changes after feed sequence {Published} for the live feed failed; reading again")]
    private partial void LogCatchUpFailed(long published, Exception error);

    [LoggerMessage(3022, LogLevel.Warning, "Listening for alert changes of other processes failed; listening again")]
    private partial void LogListenFailed(Exception error);
}
