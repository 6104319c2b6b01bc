using Microsoft.Extensions.Options;

namespace Fulfillment.Grains.Configuration;

/// <summary>Rejects handling and transit times the planner cannot use, naming the option, its value and the rule.</summary>
internal sealed class SourcingOptionsValidator : IValidateOptions<SourcingOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcingOptions options)
    {
        var failures = new List<string>();
        Days(failures, "Sourcing:HandlingDays", options.HandlingDays);
        Days(failures, "Sourcing:DefaultTransitDays", options.DefaultTransitDays);
        foreach (var (region, row) in options.TransitDays)
        {
            foreach (var (warehouseId, days) in row)
            {
                Days(failures, $"Sourcing:TransitDays:{region}:{warehouseId}", days);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Days(List<string> failures, string option, int days)
    {
        if (days is < 0 or > SourcingOptions.MaxDays)
        {
            failures.Add($"{option} is {days}; it must be between 0 and {SourcingOptions.MaxDays} days.");
        }
    }
}
