using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fulfillment.Api.Tests.Support;

/// <summary>
/// A stand-in OpenTelemetry collector on a free loopback port speaking OTLP over HTTP: keeps the first request body of
/// each signal (<c>/v1/logs</c>, <c>/v1/traces</c>) and completes a task when it arrives.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<byte[]>> _signals = new(StringComparer.Ordinal);
    private readonly WebApplication _app;

    private OtlpCollector(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var collector = new OtlpCollector(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            collector.Signal(signal).TrySetResult(body.ToArray());
            return Results.Ok();
        });
        await app.StartAsync();
        return collector;
    }

    /// <summary>The first export of <paramref name="signal"/> (<c>logs</c>, <c>traces</c>), as the protobuf bytes sent.</summary>
    public Task<byte[]> FirstExportOf(string signal) => Signal(signal).Task;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private TaskCompletionSource<byte[]> Signal(string signal) =>
        _signals.GetOrAdd(signal, _ => new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously));
}
