using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Ingestion;

internal sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    /// <summary>256 MiB: a body is held in memory whole, and parsed whole, before anything is appended.</summary>
    private const long MaxBodyBytesCeiling = 256 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBodyBytes is < 1024 or > MaxBodyBytesCeiling)
        {
            failures.Add($"Ingestion:MaxBodyBytes is {options.MaxBodyBytes}; it must be between 1024 and {MaxBodyBytesCeiling}.");
        }

        if (options.MaxBatchEvents < 1)
        {
            failures.Add($"Ingestion:MaxBatchEvents is {options.MaxBatchEvents}; it must be at least 1.");
        }

        if (options.WebHookAllowedRate is < 1)
        {
            failures.Add($"Ingestion:WebHookAllowedRate is {options.WebHookAllowedRate}; it must be at least 1 request per minute, or unset for no limit.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
