using System.Text.Json.Serialization;
using Fulfillment.Api.Health;
using Fulfillment.Api.Ingestion;
using Fulfillment.Api.Streams;

namespace Fulfillment.Api.Json;

/// <summary>Source-generated JSON metadata for every request and response body of the gateway (camelCase, web defaults).</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(StreamsStatusResponse))]
[JsonSerializable(typeof(DeadLetterListResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(HealthCheckEntry[]))]
[JsonSerializable(typeof(long))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
