using Microsoft.Extensions.Options;

namespace Fulfillment.Api.RateLimiting;

internal sealed class StorefrontRateLimitOptionsValidator : IValidateOptions<StorefrontRateLimitOptions>
{
    public const int MaxWindowSeconds = 3600;

    public ValidateOptionsResult Validate(string? name, StorefrontRateLimitOptions options)
    {
        var failures = new List<string>();
        if (options.PermitLimit < 1)
        {
            failures.Add($"{StorefrontRateLimitOptions.SectionName}:PermitLimit is {options.PermitLimit}; it must be at least 1 (set Enabled to false for no limit).");
        }

        if (options.WindowSeconds is < 1 or > MaxWindowSeconds)
        {
            failures.Add($"{StorefrontRateLimitOptions.SectionName}:WindowSeconds is {options.WindowSeconds}; it must be between 1 and {MaxWindowSeconds}.");
        }

        if (options.QueueLimit < 0)
        {
            failures.Add($"{StorefrontRateLimitOptions.SectionName}:QueueLimit is {options.QueueLimit}; it must be 0 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
