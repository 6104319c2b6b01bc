using Microsoft.Extensions.Options;

namespace Grains.Reminders;

internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.LoadWindow), options.LoadWindow);
        Check(failures, nameof(options.MinimumPeriod), options.MinimumPeriod);
        Check(failures, nameof(options.InitialRetryDelay), options.InitialRetryDelay);
        Check(failures, nameof(options.MaximumRetryDelay), options.MaximumRetryDelay);
        if (options.MaximumRetryDelay < options.InitialRetryDelay)
        {
            failures.Add($"Reminders:{nameof(options.MaximumRetryDelay)} is {options.MaximumRetryDelay}; it must not be shorter than {nameof(options.InitialRetryDelay)} ({options.InitialRetryDelay}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string option, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Reminders:{option} is {value}; it must be greater than zero.");
        }
    }
}
