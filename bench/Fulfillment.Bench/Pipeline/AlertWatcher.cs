using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Fulfillment.Bench.Hosting;

namespace Fulfillment.Bench.Pipeline;

/// <summary>
/// Follows <c>GET /api/v1/alerts/stream</c> as an operator's dashboard does and notes when each order's first open
/// <c>pick_to_pack_stall</c> alert arrived (UTC, the clock the events' times come from).
/// </summary>
internal sealed class AlertWatcher : IAsyncDisposable
{
    private const string StallKind = "pick_to_pack_stall";

    private readonly HttpClient _http = LoopbackHttpClient.Create(1, Timeout.InfiniteTimeSpan);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _arrived = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;
    private bool _disposed;

    public AlertWatcher(Uri baseAddress) => _reading = Task.Run(() => ReadAsync(new Uri(baseAddress, "/api/v1/alerts/stream")));

    /// <summary>Orders whose stall alert has arrived, with the time it did.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Arrived => _arrived;

    /// <summary>Completes once the stream answered, so no alert raised afterwards can be missed.</summary>
    public Task Connected => _connected.Task;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _reading.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The stream ends only by being stopped.
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync(Uri uri)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            _connected.TrySetResult();
            await using var body = await response.Content.ReadAsStreamAsync(_stop.Token).ConfigureAwait(false);
            using var reader = new StreamReader(body);
            while (await reader.ReadLineAsync(_stop.Token).ConfigureAwait(false) is { } line)
            {
                if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    Note(line.AsMemory(5), DateTimeOffset.UtcNow);
                }
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _connected.TrySetException(error);
            throw;
        }
    }

    private void Note(ReadOnlyMemory<char> json, DateTimeOffset at)
    {
        using var alert = JsonDocument.Parse(json);
        var root = alert.RootElement;
        if (root.GetProperty("kind").GetString() == StallKind && root.GetProperty("status").GetString() == "open"
            && root.GetProperty("orderId").GetString() is { } orderId)
        {
            _arrived.TryAdd(orderId, at);
        }
    }
}
