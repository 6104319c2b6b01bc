using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Fulfillment.Bench.Hosting;
using Fulfillment.Bench.Measurement;
using Fulfillment.Contracts;

namespace Fulfillment.Bench.Pipeline;

/// <summary>
/// Times acknowledgement → visible: for each sampled event, reads <c>GET /api/v1/orders/{id}</c> at once and then
/// every <see cref="PollInterval"/> until the order shows the event's stage or later (a stage never moves back), and
/// records the time from the batch's 202 to the answer that showed it. The poll interval bounds the error from above.
/// </summary>
internal sealed class VisibilityPoller : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private readonly Channel<VisibilityCheck> _checks = Channel.CreateUnbounded<VisibilityCheck>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private readonly Task<(LatencyRecorder Recorder, long NotVisible, long Polls)>[] _pollers;

    public VisibilityPoller(Uri baseAddress, int pollers)
    {
        _baseAddress = baseAddress;
        _http = LoopbackHttpClient.Create(pollers, TimeSpan.FromSeconds(30));
        _pollers = [.. Enumerable.Range(0, pollers).Select(_ => Task.Run(PollLoopAsync))];
    }

    public void Add(VisibilityCheck check) => _checks.Writer.TryWrite(check);

    /// <summary>Stops taking checks, waits for those queued, and merges what the pollers saw.</summary>
    public async Task<(LatencyDistribution Latency, long NotVisible, long Polls)> CompleteAsync()
    {
        _checks.Writer.TryComplete();
        var results = await Task.WhenAll(_pollers).ConfigureAwait(false);
        return (LatencyDistribution.Merge([.. results.Select(r => r.Recorder)]), results.Sum(r => r.NotVisible), results.Sum(r => r.Polls));
    }

    public void Dispose() => _http.Dispose();

    private async Task<(LatencyRecorder, long, long)> PollLoopAsync()
    {
        var recorder = new LatencyRecorder();
        long notVisible = 0;
        long polls = 0;
        await foreach (var check in _checks.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var uri = new Uri(_baseAddress, $"/api/v1/orders/{check.OrderId}");
            while (true)
            {
                polls++;
                var rank = await ReadStageRankAsync(uri).ConfigureAwait(false);
                var now = Stopwatch.GetTimestamp();
                if (rank >= check.MinimumRank)
                {
                    recorder.Record(Math.Max(0, now - check.AckedAt));
                    break;
                }

                if (Stopwatch.GetElapsedTime(check.AckedAt, now) > GiveUpAfter)
                {
                    notVisible++;
                    break;
                }

                await Task.Delay(PollInterval).ConfigureAwait(false);
            }
        }

        return (recorder, notVisible, polls);
    }

    /// <summary>The rank of the order's stage, or −1 while the order is unknown (404).</summary>
    private async Task<int> ReadStageRankAsync(Uri uri)
    {
        using var response = await _http.GetAsync(uri).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return -1;
        }

        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(body).ConfigureAwait(false);
        var name = json.RootElement.GetProperty("stage").GetString();
        return Stage.TryParse(name, out var stage) ? stage.Rank : throw new InvalidDataException($"The order answered the unknown stage '{name}'.");
    }
}
