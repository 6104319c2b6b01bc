using System.Text;

namespace Fulfillment.Api.Tests.Support;

/// <summary>
/// Reads a text/event-stream response one event at a time: the lines up to the next blank line, joined with \n
/// (<c>": heartbeat"</c>, or <c>"id: 3\ndata: {...}"</c>).
/// </summary>
public sealed class ServerSentEvents(HttpResponseMessage response, Stream body) : IAsyncDisposable
{
    private readonly StreamReader _reader = new(body, Encoding.UTF8);

    public HttpResponseMessage Response { get; } = response;

    public static async Task<ServerSentEvents> OpenAsync(ApiHost host, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/alerts/stream");
        request.Headers.Add("X-Api-Key", TestKeys.Ops);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new ServerSentEvents(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event; a safety net fails a hung test run (not a timing assumption).</summary>
    public async Task<string> NextAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.NotNull(line);
            if (line.Length == 0 && lines.Count > 0)
            {
                return string.Join('\n', lines);
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Response.Dispose();
        await body.DisposeAsync();
        _reader.Dispose();
    }
}
