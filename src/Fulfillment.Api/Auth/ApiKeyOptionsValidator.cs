using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Auth;

/// <summary>Refuses to start with malformed keys, or with no keys outside Development.</summary>
internal sealed class ApiKeyOptionsValidator(IHostEnvironment environment) : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        if (options.IsOpen)
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Auth:ApiKeys is empty in the {environment.EnvironmentName} environment. Without keys every route would be open, " +
                    "which only Development allows; configure at least one key (Auth:ApiKeys:0:Key, Auth:ApiKeys:0:Roles:0).");
        }

        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var entry = options.ApiKeys[i];
            var label = string.IsNullOrWhiteSpace(entry.Name) ? $"Auth:ApiKeys:{i}" : $"Auth:ApiKeys:{i} ({entry.Name})";
            if (string.IsNullOrWhiteSpace(entry.Key) || entry.Key.Length < ApiKeyDefaults.MinimumKeyLength)
            {
                failures.Add($"{label}: Key has {entry.Key?.Length ?? 0} characters; it must have at least {ApiKeyDefaults.MinimumKeyLength}.");
            }
            else if (!seen.Add(entry.Key))
            {
                failures.Add($"{label}: Key is configured more than once; give each key its roles in one entry.");
            }

            if (entry.Roles.Count == 0)
            {
                failures.Add($"{label}: Roles is empty; it must name at least one of {string.Join(", ", ApiKeyRoles.All)}.");
            }

            foreach (var role in entry.Roles.Where(r => !ApiKeyRoles.All.Contains(r, StringComparer.Ordinal)))
            {
                failures.Add($"{label}: role '{role}' is unknown; roles are {string.Join(", ", ApiKeyRoles.All)}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
