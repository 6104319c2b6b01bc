using Microsoft.Extensions.Options;

namespace Grains.Streams;

internal sealed class StreamsOptionsValidator : IValidateOptions<StreamsOptions>
{
    public ValidateOptionsResult Validate(string? name, StreamsOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConsumerGroup))
        {
            failures.Add("Streams:ConsumerGroup is empty; it must name the consumer group.");
        }

        AtLeastOne(failures, nameof(options.BatchSize), options.BatchSize);
        AtLeastOne(failures, nameof(options.MaxEventsInFlight), options.MaxEventsInFlight);
        AtLeastOne(failures, nameof(options.MaxDeliveryAttempts), options.MaxDeliveryAttempts);
        AtLeastOne(failures, nameof(options.RetentionMaxEventsPerPartition), options.RetentionMaxEventsPerPartition);
        Positive(failures, nameof(options.CheckpointInterval), options.CheckpointInterval);
        Positive(failures, nameof(options.PollInterval), options.PollInterval);
        Positive(failures, nameof(options.RetryInitialDelay), options.RetryInitialDelay);
        Positive(failures, nameof(options.RetryMaxDelay), options.RetryMaxDelay);
        Positive(failures, nameof(options.RetentionAge), options.RetentionAge);
        Positive(failures, nameof(options.RetentionInterval), options.RetentionInterval);
        Positive(failures, nameof(options.DrainTimeout), options.DrainTimeout);
        if (options.MaxEventsInFlight < options.BatchSize)
        {
            failures.Add($"Streams:MaxEventsInFlight is {options.MaxEventsInFlight}; it must be at least Streams:BatchSize ({options.BatchSize}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AtLeastOne(List<string> failures, string option, long value)
    {
        if (value < 1)
        {
            failures.Add($"Streams:{option} is {value}; it must be at least 1.");
        }
    }

    private static void Positive(List<string> failures, string option, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Streams:{option} is {value}; it must be greater than zero.");
        }
    }
}
