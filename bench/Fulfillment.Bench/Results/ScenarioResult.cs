using System.Text.Json.Serialization;

namespace Fulfillment.Bench.Results;

/// <summary>What a scenario measured. Serialized as its base type, so the JSON starts with <c>"scenario":"name"</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "scenario")]
[JsonDerivedType(typeof(GrainCallsResult), GrainCallsResult.ScenarioName)]
[JsonDerivedType(typeof(ActivationsResult), ActivationsResult.ScenarioName)]
[JsonDerivedType(typeof(StateWritesResult), StateWritesResult.ScenarioName)]
[JsonDerivedType(typeof(IngestResult), IngestResult.ScenarioName)]
[JsonDerivedType(typeof(AtpHttpResult), AtpHttpResult.ScenarioName)]
[JsonDerivedType(typeof(ReserveContentionResult), ReserveContentionResult.ScenarioName)]
[JsonDerivedType(typeof(StreamLogResult), StreamLogResult.ScenarioName)]
[JsonDerivedType(typeof(OrderPipelineResult), OrderPipelineResult.ScenarioName)]
internal abstract record ScenarioResult
{
    /// <summary>Whether the process ran with the server garbage collector.</summary>
    [JsonPropertyOrder(100)]
    public bool GcServer { get; init; } = System.Runtime.GCSettings.IsServerGC;

    [JsonPropertyOrder(101)]
    public int ProcessorCount { get; init; } = Environment.ProcessorCount;

    /// <summary>The human-readable summary printed before the JSON line.</summary>
    public abstract void WriteSummary(TextWriter writer);

    /// <summary>The checks of correctness the run failed, each as a sentence; any makes the CLI exit with 1 after printing.</summary>
    public virtual IEnumerable<string> FailedChecks() => [];
}
