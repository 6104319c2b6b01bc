namespace Fulfillment.Api.Validation;

/// <summary>A query value that must be one of a fixed set of names (stages, statuses), absent meaning "any".</summary>
internal static class OneOf
{
    /// <summary>Reports a value outside <paramref name="allowed"/> under <paramref name="field"/>; true when absent or allowed.</summary>
    public static bool CheckOptional(string? value, IReadOnlyList<string> allowed, string field, FieldErrors errors)
    {
        if (value is null || allowed.Contains(value, StringComparer.Ordinal))
        {
            return true;
        }

        errors.Add(field, $"must be one of {string.Join(", ", allowed)}");
        return false;
    }
}
