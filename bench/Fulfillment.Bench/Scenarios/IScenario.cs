using Fulfillment.Bench.Cli;
using Fulfillment.Bench.Results;

namespace Fulfillment.Bench.Scenarios;

/// <summary>
/// One measurement. It starts what it measures in process and stops it before returning. It reads all its options
/// before starting anything, so a bad option fails with a <see cref="UsageException"/> and nothing to clean up.
/// </summary>
internal interface IScenario
{
    string Name { get; }

    string Description { get; }

    IReadOnlyList<OptionSpec> Options { get; }

    Task<ScenarioResult> RunAsync(ScenarioOptions options, TextWriter progress, CancellationToken cancellationToken);
}
