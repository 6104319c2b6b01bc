using System.Globalization;
using Microsoft.Extensions.Options;

namespace Fulfillment.Grains.Configuration;

/// <summary>Rejects SLA thresholds that cannot work, naming the option, its value and the rule.</summary>
internal sealed class SlaOptionsValidator : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        var failures = new List<string>();
        Threshold(failures, "Sla:PickToPackStall", options.PickToPackStall);
        Threshold(failures, "Sla:LabelToScanStall", options.LabelToScanStall);
        Threshold(failures, "Sla:AtRiskBefore", options.AtRiskBefore);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Threshold(List<string> failures, string option, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > SlaOptions.MaxThreshold)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{option} is {value:c}; it must be more than zero and at most {SlaOptions.MaxThreshold:c}."));
        }
    }
}
