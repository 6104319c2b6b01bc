using System.Net.Http.Headers;
using System.Text;
using Fulfillment.Api.Hosting;
using Fulfillment.Api.Tests.Grains;
using Grains.Hosting;
using Grains.Streams;
using Grains.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fulfillment.Api.Tests.Support;

/// <summary>
/// The service composed exactly as Program.cs composes it, listening with Kestrel on a free loopback port; tests talk to
/// it over real HTTP. Storage is in memory, the clock manual, and the probe grain of this assembly subscribes to orders.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, ApiHostSettings settings, CapturedLogs logs)
    {
        _app = app;
        Settings = settings;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public HttpClient Client { get; }

    public ApiHostSettings Settings { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public Signals Signals => Services.GetRequiredService<Signals>();

    public ProbeBehavior Probe => Services.GetRequiredService<ProbeBehavior>();

    public IStreamLog Log => Services.GetRequiredService<IStreamLog>();

    public IDeadLetterStore DeadLetters => Services.GetRequiredService<IDeadLetterStore>();

    public static async Task<ApiHost> StartAsync(Action<ApiHostSettings>? configure = null)
    {
        var settings = new ApiHostSettings();
        configure?.Invoke(settings);
        var app = Build(settings, out var logs);
        await app.StartAsync();
        return new ApiHost(app, settings, logs);
    }

    /// <summary>Builds the host without starting it (for tests of start-up refusals).</summary>
    public static WebApplication Build(ApiHostSettings settings, out CapturedLogs logs)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = settings.Environment,
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.Configuration.Sources.Clear();
        if (settings.Reads is { } reads)
        {
            builder.Configuration.Sources.Add(reads.Serving(settings.Configuration));
        }
        else
        {
            builder.Configuration.AddInMemoryCollection(settings.Configuration);
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<TimeProvider>(settings.Time);
        builder.Services.AddSingleton<Signals>();
        builder.Services.AddSingleton<ProbeBehavior>();
        builder.AddFulfillment(silo => silo.AddGrainAssemblyContaining<OrderProbeGrain>());
        var app = builder.Build();
        app.UseFulfillment();
        return app;
    }

    /// <summary>POSTs a body to /api/v1/events with the given content type and (by default) the ingest key.</summary>
    public Task<HttpResponseMessage> PostEventsAsync(string body, string contentType = "application/cloudevents-batch+json", string? apiKey = TestKeys.Ingest)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return SendAsync(HttpMethod.Post, "/api/v1/events", content, apiKey);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? apiKey = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Every event in the log, partition by partition.</summary>
    public async Task<IReadOnlyList<StreamEvent>> ReadLogAsync()
    {
        var events = new List<StreamEvent>();
        for (var partition = 0; partition < Log.PartitionCount; partition++)
        {
            events.AddRange(await Log.ReadAsync(partition, 1, 100_000));
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
