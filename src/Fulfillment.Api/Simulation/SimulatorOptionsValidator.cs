using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Simulation;

/// <summary>Refuses settings the simulator cannot run with, naming the option, the value and the rule.</summary>
internal sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var failures = new List<string>();
        if (options.OrdersPerMinute is < 1 or > 60_000)
        {
            failures.Add($"{SimulatorOptions.SectionName}:{nameof(options.OrdersPerMinute)} is {options.OrdersPerMinute}; it must be from 1 to 60000.");
        }

        if (!(options.TimeScale is >= 1 and <= 3600))
        {
            failures.Add($"{SimulatorOptions.SectionName}:{nameof(options.TimeScale)} is {options.TimeScale}; it must be from 1 to 3600.");
        }

        if (options.MaxOrders < 0)
        {
            failures.Add($"{SimulatorOptions.SectionName}:{nameof(options.MaxOrders)} is {options.MaxOrders}; it must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
