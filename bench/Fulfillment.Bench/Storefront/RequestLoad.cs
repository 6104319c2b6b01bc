using System.Diagnostics;
using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Storefront;

/// <summary>
/// Concurrent request loops, one connection each, over a <see cref="LoadSchedule"/>: flat out (closed loop, each loop
/// sends its next request when the answer to its last one arrived) or paced (open loop, each request sent at its due
/// time, or at once by a loop that fell behind). Each request is timed from send to the end of its answer.
/// </summary>
internal static class RequestLoad
{
    public static async Task RunAsync(
        StorefrontClient client, RequestTarget target, LoadSchedule schedule, int loops, RequestTally tally, CancellationToken cancellationToken)
    {
        var roundTrips = new LatencyRecorder[loops];
        var sendDelays = new LatencyRecorder[schedule.IsPaced ? loops : 0];
        var running = new Task<RequestLoopTotals>[loops];
        for (var i = 0; i < loops; i++)
        {
            var roundTrip = roundTrips[i] = new LatencyRecorder();
            var sendDelay = schedule.IsPaced ? sendDelays[i] = new LatencyRecorder() : null;
            running[i] = Task.Run(() => LoopAsync(client, target, schedule, roundTrip, sendDelay, cancellationToken), CancellationToken.None);
        }

        var totals = await Task.WhenAll(running).ConfigureAwait(false);
        tally.Add(schedule.Started, totals, roundTrips, sendDelays);
    }

    private static async Task<RequestLoopTotals> LoopAsync(
        StorefrontClient client, RequestTarget target, LoadSchedule schedule, LatencyRecorder roundTrip, LatencyRecorder? sendDelay, CancellationToken cancellationToken)
    {
        var totals = new RequestLoopTotals();
        while (schedule.TryTake(out var number, out var due))
        {
            await LoadSchedule.WaitUntilAsync(due, cancellationToken).ConfigureAwait(false);
            using var request = target.CreateRequest(number);
            var sent = Stopwatch.GetTimestamp();
            sendDelay?.Record(Math.Max(0, sent - due));
            var outcome = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var answered = Stopwatch.GetTimestamp();
            roundTrip.Record(answered - sent);
            totals.Requests++;
            totals.LastAnswer = answered;
            if (outcome.Status == target.Success)
            {
                totals.Succeeded++;
            }
            else
            {
                totals.Failed++;
                totals.FirstFailure ??= outcome;
            }
        }

        return totals;
    }
}
