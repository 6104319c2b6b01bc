using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Fulfillment.Api.Diagnostics;

/// <summary>
/// Owns the trace pipeline while the host runs: ASP.NET Core's request activities exported over OTLP. Built at start and
/// disposed at stop, which flushes what is buffered (the hosting extensions that usually do this are not available).
/// </summary>
internal sealed class OpenTelemetryTracing(OtlpExportSettings settings) : IHostedService, IDisposable
{
    /// <summary>The activity source ASP.NET Core starts one activity per request from.</summary>
    public const string AspNetCoreSource = "Microsoft.AspNetCore";

    private TracerProvider? _provider;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName, serviceInstanceId: settings.InstanceId))
            .AddSource(AspNetCoreSource)
            .AddOtlpExporter(exporter => settings.Apply(exporter, "traces"))
            .Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _provider?.Dispose();
        _provider = null;
    }
}
