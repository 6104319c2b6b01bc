using System.Diagnostics;
using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Ingest;

/// <summary>
/// Posting loops, one per connection, over one sequence of batches shared by every phase: batch b holds events
/// b × size … (b + 1) × size − 1, so an event's batch, and the time that batch was acknowledged, follow from its number.
/// A phase either posts as fast as the loops can (each waits for its answer before the next post) or paces batches
/// to a schedule of fixed intervals from its start; a loop that falls behind posts at once.
/// </summary>
internal sealed class IngestLoad
{
    private readonly IngestClient _client;
    private readonly EventMix _mix;
    private readonly IngestProbe _probe;
    private readonly TimestampTable _acks;
    private readonly int _batchSize;
    private readonly int _connections;
    private readonly TextWriter _progress;
    private long _nextBatch;
    private int _failureReported;

    public IngestLoad(IngestClient client, EventMix mix, IngestProbe probe, int batchSize, int connections, TextWriter progress)
    {
        _client = client;
        _mix = mix;
        _probe = probe;
        _batchSize = batchSize;
        _connections = connections;
        _progress = progress;
        _acks = new TimestampTable(probe.Capacity / batchSize);
    }

    public int BatchSize => _batchSize;

    /// <summary>The Stopwatch time batch <paramref name="batch"/> was acknowledged with a 202, or 0 if it was not.</summary>
    public long AckedAt(long batch) => _acks.Get(batch);

    /// <summary>Posts for <paramref name="duration"/>: flat out, or <paramref name="batchesPerSecond"/> on a schedule.</summary>
    public async Task<PostWindow> RunAsync(TimeSpan duration, double? batchesPerSecond, CancellationToken cancellationToken)
    {
        var first = _nextBatch;
        var started = Stopwatch.GetTimestamp();
        var schedule = new LoadSchedule(first, started, duration, batchesPerSecond);
        var recorders = new LatencyRecorder[_connections];
        var loops = new Task<PostLoopTotals>[_connections];
        for (var i = 0; i < loops.Length; i++)
        {
            var recorder = recorders[i] = new LatencyRecorder();
            loops[i] = Task.Run(() => LoopAsync(schedule, recorder, cancellationToken), CancellationToken.None);
        }

        var totals = await Task.WhenAll(loops).ConfigureAwait(false);
        _nextBatch = schedule.End;
        return new PostWindow(
            first,
            schedule.End,
            started,
            totals.Max(t => t.LastAck),
            totals.Sum(t => t.Requests),
            totals.Sum(t => t.Acknowledged),
            totals.Sum(t => t.Accepted),
            totals.Sum(t => t.Duplicates),
            totals.Sum(t => t.Errors),
            totals.Sum(t => t.BodyBytes),
            LatencyDistribution.Merge(recorders));
    }

    private async Task<PostLoopTotals> LoopAsync(LoadSchedule schedule, LatencyRecorder recorder, CancellationToken cancellationToken)
    {
        var totals = new PostLoopTotals();
        var body = new byte[_batchSize * 320];
        while (schedule.TryTake(out var batch, out var due))
        {
            await LoadSchedule.WaitUntilAsync(due, cancellationToken).ConfigureAwait(false);

            var firstEvent = batch * _batchSize;
            _probe.Reserve(firstEvent + _batchSize);
            _acks.Reserve(batch + 1);
            var length = _mix.WriteBatch(firstEvent, _batchSize, DateTime.UtcNow, ref body);
            var sent = Stopwatch.GetTimestamp();
            var outcome = await _client.PostAsync(body, length, cancellationToken).ConfigureAwait(false);
            var answered = Stopwatch.GetTimestamp();
            recorder.Record(answered - sent);
            totals.Requests++;
            totals.BodyBytes += length;
            totals.LastAck = answered;
            if (outcome.Acknowledged)
            {
                _acks.TryRecord(batch, answered);
                totals.Acknowledged++;
                totals.Accepted += outcome.Accepted;
                totals.Duplicates += outcome.Duplicates;
            }
            else
            {
                totals.Errors++;
                if (Interlocked.Exchange(ref _failureReported, 1) == 0)
                {
                    await _progress.WriteLineAsync($"First failed post (batch {batch}): {outcome.Failure}").ConfigureAwait(false);
                }
            }
        }

        return totals;
    }
}
