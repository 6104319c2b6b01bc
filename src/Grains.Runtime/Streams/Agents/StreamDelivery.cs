using Grains.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Grains.Streams;

/// <summary>
/// Delivers one event to every grain subscribed to its namespace: retries a failing grain with doubling back-off,
/// then records a dead letter with the error (at once for an <see cref="INonTransientException"/>). It never gives up
/// silently: if even the dead letter cannot be written it keeps trying, holding the partition's low watermark (and so
/// its checkpoint) back until it can.
/// </summary>
internal sealed partial class StreamDelivery(
    IGrainFactory grainFactory,
    StreamSubscriptions subscriptions,
    IDeadLetterStore deadLetters,
    StreamsOptions options,
    TimeProvider time,
    StreamsMetrics metrics,
    ILogger<StreamDelivery> logger)
{
    public async Task DeliverAsync(StreamEvent item, CancellationToken cancellationToken)
    {
        foreach (var grainType in subscriptions.For(item.Namespace))
        {
            await DeliverToAsync(grainType, item, cancellationToken).ConfigureAwait(false);
        }

        metrics.Delivered(time.GetUtcNow() - item.EnqueuedTime);
    }

    /// <summary>One more delivery of a dead letter; on success it leaves the store.</summary>
    public async Task ReplayAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        var grain = grainFactory.GetGrain<IStreamSubscriber>(GrainId.Create(letter.GrainType, letter.Event.Key));
        await grain.OnNextAsync(letter.Event).ConfigureAwait(false);
        await deadLetters.RemoveAsync(letter.Id, cancellationToken).ConfigureAwait(false);
        LogReplayed(letter.Id);
    }

    private async Task DeliverToAsync(GrainType grainType, StreamEvent item, CancellationToken cancellationToken)
    {
        var grain = grainFactory.GetGrain<IStreamSubscriber>(GrainId.Create(grainType, item.Key));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grain.OnNextAsync(item).ConfigureAwait(false);
                return;
            }
            catch (Exception error)
            {
                // Stopping: no retry and no dead letter; the event is delivered again from the checkpoint.
                cancellationToken.ThrowIfCancellationRequested();
                if (attempt >= options.MaxDeliveryAttempts || error is INonTransientException)
                {
                    await DeadLetterAsync(grainType, item, error, attempt, cancellationToken).ConfigureAwait(false);
                    return;
                }

                metrics.Retried();
                LogRetrying(item.Partition, item.SequenceNumber, grainType.Name, item.Key, attempt, error);
                await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DeadLetterAsync(GrainType grainType, StreamEvent item, Exception error, int attempts, CancellationToken cancellationToken)
    {
        // Deterministic id: a redelivery after a crash dead-letters the same event under the same id, once.
        var letter = new DeadLetter(
            $"{options.ConsumerGroup}:{item.Partition}:{item.SequenceNumber}:{grainType.Name}",
            options.ConsumerGroup,
            grainType.Name,
            item,
            error.GetType().FullName ?? error.GetType().Name,
            error.Message,
            attempts,
            time.GetUtcNow());
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await deadLetters.GetAsync(letter.Id, cancellationToken).ConfigureAwait(false) is null)
                {
                    await deadLetters.AddAsync(letter, cancellationToken).ConfigureAwait(false);
                }

                metrics.DeadLettered();
                LogDeadLettered(item.Partition, item.SequenceNumber, grainType.Name, item.Key, attempts, error);
                return;
            }
            catch (Exception storeError) when (!cancellationToken.IsCancellationRequested)
            {
                LogDeadLetterWriteFailed(letter.Id, storeError);
                await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(options.RetryMaxDelay.Ticks, options.RetryInitialDelay.Ticks * (1L << Math.Min(attempt - 1, 30))));

    [LoggerMessage(1401, LogLevel.Warning, "Delivery of event {Partition}/{SequenceNumber} to {GrainType}/{Key} failed (attempt {Attempt}); retrying")]
    private partial void LogRetrying(int partition, long sequenceNumber, string grainType, string key, int attempt, Exception error);

    [LoggerMessage(1402, LogLevel.Error, "Event {Partition}/{SequenceNumber} dead-lettered for {GrainType}/{Key} after {Attempts} attempts")]
    private partial void LogDeadLettered(int partition, long sequenceNumber, string grainType, string key, int attempts, Exception error);

    [LoggerMessage(1403, LogLevel.Error, "Dead letter {Id} could not be written; retrying")]
    private partial void LogDeadLetterWriteFailed(string id, Exception error);

    [LoggerMessage(1404, LogLevel.Information, "Dead letter {Id} replayed and removed")]
    private partial void LogReplayed(string id);
}
