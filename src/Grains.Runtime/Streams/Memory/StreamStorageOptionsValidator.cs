using Microsoft.Extensions.Options;

namespace Grains.Streams;

/// <summary>Rejects stream storage options no provider can work with, naming the option, its value and the rule.</summary>
public sealed class StreamStorageOptionsValidator : IValidateOptions<StreamStorageOptions>
{
    /// <summary>The longest de-duplication window; longer ones would push the expiry cutoff before the calendar's start.</summary>
    public static readonly TimeSpan MaxDeduplicationWindow = TimeSpan.FromDays(3650);

    public ValidateOptionsResult Validate(string? name, StreamStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var window = options.DeduplicationWindow;
        if (window <= TimeSpan.Zero || window > MaxDeduplicationWindow)
        {
            return ValidateOptionsResult.Fail(
                $"StreamStorage:{nameof(options.DeduplicationWindow)} is {window}; it must be greater than zero and at most {MaxDeduplicationWindow.TotalDays} days.");
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a window the validator rejects; for provider constructors.</summary>
    public static void ThrowIfInvalid(TimeSpan deduplicationWindow, string parameterName)
    {
        var result = new StreamStorageOptionsValidator().Validate(null, new StreamStorageOptions { DeduplicationWindow = deduplicationWindow });
        if (result.Failed)
        {
            throw new ArgumentOutOfRangeException(parameterName, deduplicationWindow, result.FailureMessage);
        }
    }
}
