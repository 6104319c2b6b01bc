using System.Diagnostics;
using System.Net;
using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Storefront;

/// <summary>
/// Many clients at once, each reserving 1 unit of the same SKU under its own reservation id: every request is built
/// and waiting before a single signal releases them all, so they reach the inventory grain together.
/// </summary>
internal static class ReservationBurst
{
    public static async Task<BurstOutcome> RunAsync(StorefrontClient client, string sku, int clients, CancellationToken cancellationToken)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = new Task<(RequestOutcome Outcome, long Ticks)>[clients];
        for (var i = 0; i < clients; i++)
        {
            sends[i] = SendOnSignalAsync(client, client.Reserve($"burst-{i:D6}", sku, 1), go.Task, cancellationToken);
        }

        var released = Stopwatch.GetTimestamp();
        go.SetResult();
        var answers = await Task.WhenAll(sends).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(released);

        var roundTrips = new LatencyRecorder();
        foreach (var (_, ticks) in answers)
        {
            roundTrips.Record(ticks);
        }

        var outcomes = answers.Select(a => a.Outcome).ToArray();

        var held = outcomes.Count(o => o.Status == HttpStatusCode.Created);
        var refused = outcomes.Count(IsShortStock);
        var firstFailure = outcomes.Cast<RequestOutcome?>().FirstOrDefault(o => o!.Value.Status != HttpStatusCode.Created && !IsShortStock(o.Value));
        return new BurstOutcome(held, refused, clients - held - refused, firstFailure, elapsed, LatencyDistribution.Merge([roundTrips]));
    }

    /// <summary>A 409 whose problem names the short lines, as API.md has it; another 409 is a failure.</summary>
    private static bool IsShortStock(RequestOutcome outcome) =>
        outcome.Status == HttpStatusCode.Conflict && outcome.Failure?.Contains("\"shortLines\"", StringComparison.Ordinal) == true;

    private static async Task<(RequestOutcome Outcome, long Ticks)> SendOnSignalAsync(
        StorefrontClient client, HttpRequestMessage request, Task go, CancellationToken cancellationToken)
    {
        using (request)
        {
            await go.ConfigureAwait(false);
            var sent = Stopwatch.GetTimestamp();
            var outcome = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return (outcome, Stopwatch.GetTimestamp() - sent);
        }
    }
}
