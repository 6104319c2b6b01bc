namespace Fulfillment.Bench.Cli;

/// <summary>The command line asked for something the CLI does not offer; the usage is shown and the exit code is 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
