using Microsoft.Extensions.Options;

namespace Grains.Hosting;

/// <summary>Rejects options the runtime cannot work with, naming the option, its value and the rule.</summary>
internal sealed class GrainsOptionsValidator : IValidateOptions<GrainsOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainsOptions options)
    {
        var failures = new List<string>();
        if (options.Partitions is < 1 or > 65_536)
        {
            failures.Add($"Grains:{nameof(options.Partitions)} is {options.Partitions}; it must be between 1 and 65536.");
        }

        Positive(failures, nameof(options.ResponseTimeout), options.ResponseTimeout);
        Positive(failures, nameof(options.ResponseTimeoutCheckInterval), options.ResponseTimeoutCheckInterval);
        Positive(failures, nameof(options.CollectionAge), options.CollectionAge);
        Positive(failures, nameof(options.CollectionQuantum), options.CollectionQuantum);
        Positive(failures, nameof(options.ActivationTimeout), options.ActivationTimeout);
        Positive(failures, nameof(options.DeactivationTimeout), options.DeactivationTimeout);
        foreach (var (grainType, age) in options.CollectionAgeByGrainType)
        {
            Positive(failures, $"{nameof(options.CollectionAgeByGrainType)}[{grainType}]", age);
        }

        if (options.MaxPendingRequestsPerActivation < 1)
        {
            failures.Add($"Grains:{nameof(options.MaxPendingRequestsPerActivation)} is {options.MaxPendingRequestsPerActivation}; it must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string option, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Grains:{option} is {value}; it must be greater than zero.");
        }
    }
}
