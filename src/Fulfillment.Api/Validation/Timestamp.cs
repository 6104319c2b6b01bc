using Fulfillment.Contracts.Validation;

namespace Fulfillment.Api.Validation;

/// <summary>
/// Timestamps in request bodies: strict RFC 3339 with an offset, as in CloudEvents, so an instant is never guessed
/// from a missing offset. Bodies carry them as strings and are parsed here, where the error can name the field.
/// </summary>
internal static class Timestamp
{
    public const string Message = "must be an RFC 3339 timestamp with an offset, such as 2026-11-25T14:30:00Z";

    /// <summary>The instant, or null after reporting a missing or malformed value under <paramref name="field"/>.</summary>
    public static DateTimeOffset? CheckRequired(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            errors.Add(field, "is required");
            return null;
        }

        if (Rfc3339.TryParse(text, out var instant))
        {
            return instant;
        }

        errors.Add(field, Message);
        return null;
    }
}
