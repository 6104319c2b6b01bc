using OpenTelemetry.Exporter;

namespace Fulfillment.Api.Diagnostics;

/// <summary>
/// Where logs and traces go over OTLP, from the standard OpenTelemetry variables (read through configuration, so
/// appsettings and the command line work too): <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> turns export on (Azure Container Apps
/// sets it when its OpenTelemetry agent is configured), <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> is <c>grpc</c> (default) or
/// <c>http/protobuf</c>, <c>OTEL_SERVICE_NAME</c> names the service (default <c>fulfillment</c>).
/// </summary>
internal sealed record OtlpExportSettings(Uri Endpoint, OtlpExportProtocol Protocol, string ServiceName, string InstanceId)
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";

    /// <summary>Set by Azure Container Apps: tells the replicas of one app apart.</summary>
    public const string ReplicaNameKey = "CONTAINER_APP_REPLICA_NAME";

    public const string DefaultServiceName = "fulfillment";

    /// <summary>The settings, or null when no endpoint is configured (no export). A bad value stops the start.</summary>
    public static OtlpExportSettings? From(IConfiguration configuration)
    {
        var endpoint = configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"{EndpointKey} is '{endpoint}'; it must be an absolute http or https URL.");
        }

        var protocol = configuration[ProtocolKey] switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"{ProtocolKey} is '{other}'; it must be grpc or http/protobuf."),
        };
        var serviceName = configuration[ServiceNameKey] is { Length: > 0 } name ? name : DefaultServiceName;
        var instanceId = configuration[ReplicaNameKey] is { Length: > 0 } replica ? replica : Environment.MachineName;
        return new OtlpExportSettings(uri, protocol, serviceName, instanceId);
    }

    /// <summary>Points an exporter of one signal (<c>traces</c>, <c>logs</c>) at the endpoint.</summary>
    public void Apply(OtlpExporterOptions exporter, string signal)
    {
        exporter.Protocol = Protocol;
        // gRPC takes the base address; over HTTP an endpoint set in code is used as is, so it names the signal's path.
        exporter.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri($"{Endpoint.AbsoluteUri.TrimEnd('/')}/v1/{signal}")
            : Endpoint;
    }
}
