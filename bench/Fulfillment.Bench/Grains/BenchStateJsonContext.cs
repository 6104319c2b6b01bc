using System.Text.Json.Serialization;

namespace Fulfillment.Bench.Grains;

/// <summary>Source-generated serialization of the bench state, so writes do not measure reflection-based JSON.</summary>
[JsonSerializable(typeof(BenchState))]
internal sealed partial class BenchStateJsonContext : JsonSerializerContext;
