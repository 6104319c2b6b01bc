using Microsoft.Extensions.Options;

namespace Grains.Runtime.Cluster;

/// <summary>Rejects lease timings that could let two silos serve one partition, naming the option, its value and the rule.</summary>
internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var failures = new List<string>();
        if (options.LeaseDuration < TimeSpan.FromMilliseconds(100))
        {
            failures.Add($"Cluster:{nameof(options.LeaseDuration)} is {options.LeaseDuration}; it must be at least 00:00:00.1.");
        }

        var margin = options.EffectiveSafetyMargin;
        if (margin <= TimeSpan.Zero || margin >= options.LeaseDuration)
        {
            failures.Add($"Cluster:{nameof(options.SafetyMargin)} is {margin}; it must be greater than zero and shorter than {nameof(options.LeaseDuration)} ({options.LeaseDuration}).");
        }

        // Two renewal attempts fit before a silo must stop serving: one failed round trip does not cost a partition.
        var renew = options.EffectiveRenewInterval;
        var usable = options.LeaseDuration - margin;
        if (renew <= TimeSpan.Zero || renew * 2 > usable)
        {
            failures.Add(
                $"Cluster:{nameof(options.RenewInterval)} is {renew}; it must be greater than zero and at most half of "
                + $"{nameof(options.LeaseDuration)} − {nameof(options.SafetyMargin)} ({usable}).");
        }

        if (options.SiloId is { } siloId && (siloId.Length is 0 or > 128 || siloId.Any(char.IsWhiteSpace)))
        {
            failures.Add($"Cluster:{nameof(options.SiloId)} is '{siloId}'; it must be 1 to 128 characters without white space.");
        }

        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add($"Cluster:{nameof(options.Endpoint)} is empty; it must be host:port.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
