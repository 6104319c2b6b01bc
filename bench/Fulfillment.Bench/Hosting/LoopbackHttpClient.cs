using System.Net;

namespace Fulfillment.Bench.Hosting;

/// <summary>
/// An <see cref="HttpClient"/> for load against the hosted service: HTTP/1.1 keep-alive over a pool of at most
/// <c>connections</c> connections that never idle out, so each concurrent loop keeps its own; no proxy, cookies or
/// decompression in the way.
/// </summary>
internal static class LoopbackHttpClient
{
    public static HttpClient Create(int connections, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        };
        return new HttpClient(handler) { Timeout = timeout };
    }
}
