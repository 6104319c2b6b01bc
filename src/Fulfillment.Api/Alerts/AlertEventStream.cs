using System.Globalization;
using System.Text.Json;
using Fulfillment.Api.Json;
using Fulfillment.ReadModels;
using Fulfillment.ReadModels.Feed;

namespace Fulfillment.Api.Alerts;

/// <summary>
/// Writes the alert feed to one response as server-sent events: first a <c>: connected</c> comment (the subscription
/// is live from then on), then what the client missed — the alerts changed after its <c>Last-Event-ID</c>, or without
/// one every open alert — then each change as it is committed, as <c>id: {feed sequence}</c> and one <c>data:</c> line
/// of alert JSON. A comment line goes out every heartbeat interval, so idle connections stay open through proxies. A client that falls too
/// far behind is cut off and resumes with Last-Event-ID; nothing is skipped.
/// </summary>
internal sealed class AlertEventStream(HttpResponse response, ReadModelQueries readModels, TimeProvider time, TimeSpan heartbeat)
{
    public const string ContentType = "text/event-stream";

    /// <summary>Backlog read per query while catching up.</summary>
    private const int CatchUpPage = 500;

    private long _lastSent;

    public async Task RunAsync(long? lastEventId, CancellationToken cancellationToken)
    {
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        // Subscribe before reading the backlog, so a change committed in between is in one or the other (or both: the
        // feed sequence tells a repeat).
        using var subscription = readModels.Feed.Subscribe();
        using var heartbeats = new PeriodicTimer(heartbeat, time);
        await CommentAsync("connected", cancellationToken);
        await CatchUpAsync(lastEventId, cancellationToken);
        await FollowAsync(subscription, heartbeats, cancellationToken);
    }

    private async Task CatchUpAsync(long? lastEventId, CancellationToken cancellationToken)
    {
        if (lastEventId is not { } after)
        {
            var open = await readModels.ListAlertsAsync(new AlertFilter(Contracts.Orders.AlertStatuses.Open, int.MaxValue), cancellationToken);
            await SendAsync(open.OrderBy(a => a.FeedSequence), cancellationToken);
            return;
        }

        _lastSent = after;
        while (true)
        {
            var missed = await readModels.AlertsAfterAsync(_lastSent, CatchUpPage, cancellationToken);
            await SendAsync(missed, cancellationToken);
            if (missed.Count < CatchUpPage)
            {
                return;
            }
        }
    }

    private async Task FollowAsync(AlertSubscription subscription, PeriodicTimer heartbeats, CancellationToken cancellationToken)
    {
        var changes = subscription.Reader;
        var ready = changes.WaitToReadAsync(cancellationToken).AsTask();
        var beat = heartbeats.WaitForNextTickAsync(cancellationToken).AsTask();
        while (true)
        {
            await Task.WhenAny(ready, beat);
            if (beat.IsCompleted)
            {
                await beat;
                await CommentAsync("heartbeat", cancellationToken);
                beat = heartbeats.WaitForNextTickAsync(cancellationToken).AsTask();
            }

            if (!ready.IsCompleted)
            {
                continue;
            }

            if (!await ready)
            {
                // Shut down, or cut off for falling behind: the client reconnects with Last-Event-ID.
                return;
            }

            var batch = new List<AlertRow>();
            while (changes.TryRead(out var alert))
            {
                batch.Add(alert);
            }

            await SendAsync(batch, cancellationToken);
            ready = changes.WaitToReadAsync(cancellationToken).AsTask();
        }
    }

    private async Task SendAsync(IEnumerable<AlertRow> alerts, CancellationToken cancellationToken)
    {
        var sent = false;
        foreach (var alert in alerts.Where(a => a.FeedSequence > _lastSent))
        {
            var json = JsonSerializer.Serialize(AlertResponse.From(alert), ApiJsonContext.Default.AlertResponse);
            await response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"id: {alert.FeedSequence}\ndata: {json}\n\n"), cancellationToken);
            _lastSent = alert.FeedSequence;
            sent = true;
        }

        if (sent)
        {
            await response.Body.FlushAsync(cancellationToken);
        }
    }

    private async Task CommentAsync(string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync($": {text}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
