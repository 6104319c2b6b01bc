using System.Text.Json;
using System.Text.Json.Serialization;
using Fulfillment.Api.Ingestion;

namespace Fulfillment.Bench.Ingest;

/// <summary>Reads the service's 202 answer without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IngestResponse))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;
