using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Fulfillment.Bench.Hosting;

namespace Fulfillment.Bench.Ingest;

/// <summary>
/// Posts batches to <c>POST /api/v1/events</c> as <c>application/cloudevents-batch+json</c> over a pool of at most
/// as many HTTP/1.1 connections as there are posting loops, so each loop keeps its own connection.
/// </summary>
internal sealed class IngestClient : IDisposable
{
    private static readonly MediaTypeHeaderValue BatchContentType = MediaTypeHeaderValue.Parse("application/cloudevents-batch+json; charset=utf-8");

    private readonly HttpClient _client;
    private readonly Uri _events;

    public IngestClient(Uri baseAddress, int connections)
    {
        _client = LoopbackHttpClient.Create(connections, TimeSpan.FromMinutes(2));
        _events = new Uri(baseAddress, "/api/v1/events");
    }

    public Task<PostOutcome> PostAsync(byte[] body, int length, CancellationToken cancellationToken) =>
        PostAsync(body.AsMemory(0, length), cancellationToken);

    public async Task<PostOutcome> PostAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = BatchContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, _events) { Content = content };
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return new PostOutcome(false, 0, 0, $"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(answer)}");
            }

            var counts = JsonSerializer.Deserialize(answer, IngestJsonContext.Default.IngestResponse)
                ?? throw new JsonException("The 202 answer was null.");
            return new PostOutcome(true, counts.Accepted, counts.Duplicates, null);
        }
        catch (Exception error) when (error is HttpRequestException or JsonException
            || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new PostOutcome(false, 0, 0, error.ToString());
        }
    }

    public void Dispose() => _client.Dispose();
}
