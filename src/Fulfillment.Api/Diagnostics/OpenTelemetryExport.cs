using OpenTelemetry.Logs;
using OpenTelemetry.Resources;

namespace Fulfillment.Api.Diagnostics;

/// <summary>
/// Sends the service's logs and request traces over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured (see
/// <see cref="OtlpExportSettings"/>); otherwise adds nothing and logs go to the console only. In Azure Container Apps the
/// environment's OpenTelemetry agent receives them and forwards them to Application Insights.
/// </summary>
internal static class OpenTelemetryExport
{
    public static WebApplicationBuilder AddOpenTelemetryExport(this WebApplicationBuilder builder)
    {
        if (OtlpExportSettings.From(builder.Configuration) is not { } settings)
        {
            return builder;
        }

        builder.Services.AddSingleton(settings);
        builder.Services.AddHostedService<OpenTelemetryTracing>();
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(settings.ServiceName, serviceInstanceId: settings.InstanceId));
            logging.AddOtlpExporter(exporter => settings.Apply(exporter, "logs"));
        });
        return builder;
    }
}
