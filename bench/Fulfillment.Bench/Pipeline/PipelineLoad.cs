using System.Collections.Concurrent;
using System.Diagnostics;
using Fulfillment.Bench.Ingest;
using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Pipeline;

/// <summary>
/// Posts the plan's events as CloudEvents batches from concurrent loops at a fixed rate. When measuring, it hands the
/// acknowledged events of sampled orders to the <see cref="VisibilityPoller"/> and notes when each stalled order was
/// picked, for the alert lag.
/// </summary>
internal sealed class PipelineLoad(IngestClient client, PipelinePlan plan, VisibilityPoller poller, int batchSize, int connections)
{
    private long _nextBatch;
    private long _ordersCreated;

    /// <summary>Orders whose creation was acknowledged while measuring.</summary>
    public long OrdersCreated => Interlocked.Read(ref _ordersCreated);

    /// <summary>Stalled orders picked while measuring, with the event time of <c>picked</c>.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> StalledPicks { get; } = new(StringComparer.Ordinal);

    public async Task<PipelineWindow> RunAsync(TimeSpan duration, double eventsPerSecond, bool measure, CancellationToken cancellationToken)
    {
        var schedule = new LoadSchedule(_nextBatch, Stopwatch.GetTimestamp(), duration, eventsPerSecond / batchSize);
        var recorders = new LatencyRecorder[connections];
        var loops = new Task<(long Events, long Errors, string? FirstError)>[connections];
        for (var i = 0; i < loops.Length; i++)
        {
            var recorder = recorders[i] = new LatencyRecorder();
            loops[i] = Task.Run(() => LoopAsync(schedule, recorder, measure, cancellationToken), CancellationToken.None);
        }

        var totals = await Task.WhenAll(loops).ConfigureAwait(false);
        _nextBatch = schedule.End;
        return new PipelineWindow(
            schedule.Started,
            Stopwatch.GetTimestamp(),
            totals.Sum(t => t.Events),
            totals.Sum(t => t.Errors),
            totals.Select(t => t.FirstError).FirstOrDefault(e => e is not null),
            LatencyDistribution.Merge(recorders));
    }

    private async Task<(long, long, string?)> LoopAsync(LoadSchedule schedule, LatencyRecorder recorder, bool measure, CancellationToken cancellationToken)
    {
        var writer = new PipelineEventWriter(plan);
        var posted = new List<(long Order, int Step)>(batchSize);
        long events = 0;
        long errors = 0;
        string? firstError = null;
        while (schedule.TryTake(out var batch, out var due))
        {
            await LoadSchedule.WaitUntilAsync(due, cancellationToken).ConfigureAwait(false);
            var time = DateTimeOffset.UtcNow;
            var body = writer.Write(batch * batchSize, batchSize, time, posted);
            var sent = Stopwatch.GetTimestamp();
            var outcome = await client.PostAsync(body, cancellationToken).ConfigureAwait(false);
            var acked = Stopwatch.GetTimestamp();
            recorder.Record(acked - sent);
            if (!outcome.Acknowledged)
            {
                errors++;
                firstError ??= outcome.Failure;
                continue;
            }

            events += posted.Count;
            if (measure)
            {
                Follow(posted, time, acked);
            }
        }

        return (events, errors, firstError);
    }

    private void Follow(List<(long Order, int Step)> posted, DateTimeOffset time, long acked)
    {
        foreach (var (order, step) in posted)
        {
            if (step == 0)
            {
                Interlocked.Increment(ref _ordersCreated);
            }

            if (plan.IsSampled(order))
            {
                poller.Add(new VisibilityCheck(PipelinePlan.OrderId(order), PipelineStep.Lifecycle[step].VisibleStage.Rank, acked));
            }

            if (step == PipelineStep.StallAfter && plan.IsStalled(order))
            {
                StalledPicks.TryAdd(PipelinePlan.OrderId(order), time);
            }
        }
    }
}
