using Microsoft.Extensions.Options;

namespace Fulfillment.ReadModels;

/// <summary>Refuses to start with read-model settings that could not work, naming the option, its value and the rule.</summary>
internal sealed class ReadModelOptionsValidator : IValidateOptions<ReadModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ReadModelOptions options)
    {
        var failures = new List<string>();
        Positive(options.QueueCapacity, nameof(options.QueueCapacity), failures);
        Positive(options.MaxBatchSize, nameof(options.MaxBatchSize), failures);
        Positive(options.RecoveryParallelism, nameof(options.RecoveryParallelism), failures);
        Positive(options.MarkSweepInterval, nameof(options.MarkSweepInterval), failures);
        Positive(options.RetryDelay, nameof(options.RetryDelay), failures);
        Positive(options.HeartbeatInterval, nameof(options.HeartbeatInterval), failures);
        Positive(options.RecoveryInterval, nameof(options.RecoveryInterval), failures);
        if (options.MarkRetention < TimeSpan.Zero)
        {
            failures.Add($"{ReadModelOptions.SectionName}:{nameof(options.MarkRetention)} is {options.MarkRetention}; it must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(int value, string option, List<string> failures)
    {
        if (value < 1)
        {
            failures.Add($"{ReadModelOptions.SectionName}:{option} is {value}; it must be at least 1.");
        }
    }

    private static void Positive(TimeSpan value, string option, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{ReadModelOptions.SectionName}:{option} is {value}; it must be more than zero.");
        }
    }
}
