using System.Text.Json.Serialization;

namespace Fulfillment.Bench.Results;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ScenarioResult))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
