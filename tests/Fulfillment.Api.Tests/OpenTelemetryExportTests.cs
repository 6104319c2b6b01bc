using System.Net;
using System.Text;
using Fulfillment.Api.Diagnostics;
using Fulfillment.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace Fulfillment.Api.Tests;

public sealed class OpenTelemetryExportTests
{
    /// <summary>Bound on waiting for an export that the host's shutdown flushes; reached only when the export is lost.</summary>
    private static readonly TimeSpan ExportDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WithoutAnEndpoint_NothingIsExported()
    {
        await using var host = await ApiHost.StartAsync();

        Assert.Null(host.Services.GetService<OtlpExportSettings>());
        Assert.DoesNotContain(host.Services.GetServices<ILoggerProvider>(), p => p is OpenTelemetryLoggerProvider);
    }

    [Fact]
    public async Task WithAnEndpoint_LogsAndRequestTracesReachTheCollector_NamedAsTheService()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var host = await ApiHost.StartAsync(settings =>
        {
            settings.Configuration[OtlpExportSettings.EndpointKey] = collector.Endpoint.AbsoluteUri;
            settings.Configuration[OtlpExportSettings.ProtocolKey] = "http/protobuf";
            settings.Configuration[OtlpExportSettings.ServiceNameKey] = "fulfillment-under-test";
        });
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, "/health/live")).StatusCode);

        // Stopping the host flushes what the exporters buffered.
        await host.DisposeAsync();

        var logs = Encoding.UTF8.GetString(await collector.FirstExportOf("logs").WaitAsync(ExportDeadline));
        var traces = Encoding.UTF8.GetString(await collector.FirstExportOf("traces").WaitAsync(ExportDeadline));
        Assert.Contains("fulfillment-under-test", logs, StringComparison.Ordinal);
        Assert.Contains("fulfillment-under-test", traces, StringComparison.Ordinal);
        Assert.Contains("GET /health/live", traces, StringComparison.Ordinal);
        Assert.Contains("http.route", traces, StringComparison.Ordinal);
        Assert.Contains("http.response.status_code", traces, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OtlpExportSettings.EndpointKey, "collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT is 'collector:4317'; it must be an absolute http or https URL.")]
    [InlineData(OtlpExportSettings.ProtocolKey, "http/json", "OTEL_EXPORTER_OTLP_PROTOCOL is 'http/json'; it must be grpc or http/protobuf.")]
    public void ABadSetting_StopsTheStart_NamingIt(string key, string value, string message)
    {
        var settings = new ApiHostSettings();
        settings.Configuration[OtlpExportSettings.EndpointKey] = "http://127.0.0.1:4317";
        settings.Configuration[key] = value;

        var error = Assert.Throws<InvalidOperationException>(() => ApiHost.Build(settings, out _));

        Assert.Equal(message, error.Message);
    }
}
