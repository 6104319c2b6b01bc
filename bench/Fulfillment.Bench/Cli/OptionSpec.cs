namespace Fulfillment.Bench.Cli;

/// <summary>One <c>--name value</c> option a scenario accepts, as the usage text shows it.</summary>
internal sealed record OptionSpec(string Name, string ValueName, string Description);
