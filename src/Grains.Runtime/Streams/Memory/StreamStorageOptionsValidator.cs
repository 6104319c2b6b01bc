using Microsoft.Extensions.Options;

namespace Grains.Streams;

/// <summary>Rejects stream storage options no provider can work with, naming the option, its value and the rule.</summary>
public sealed class StreamStorageOptionsValidator : IValidateOptions<StreamStorageOptions>
{
    /// <summary>The longest de-duplication window; longer ones would push the expiry cutoff before the calendar's start.</summary>
    public static readonly TimeSpan MaxDeduplicationWindow = TimeSpan.FromDays(3650);

    /// <summary>The largest de-duplication capacity; the ids are held in memory.</summary>
    public const int MaxDeduplicationCapacity = 100_000_000;

    public ValidateOptionsResult Validate(string? name, StreamStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var window = options.DeduplicationWindow;
        if (window <= TimeSpan.Zero || window > MaxDeduplicationWindow)
        {
            failures.Add(
                $"StreamStorage:{nameof(options.DeduplicationWindow)} is {window}; it must be greater than zero and at most {MaxDeduplicationWindow.TotalDays} days.");
        }

        if (options.DeduplicationCapacity is < 1 or > MaxDeduplicationCapacity)
        {
            failures.Add(
                $"StreamStorage:{nameof(options.DeduplicationCapacity)} is {options.DeduplicationCapacity}; it must be between 1 and {MaxDeduplicationCapacity}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
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

    /// <summary>Throws <see cref="ArgumentException"/> for options the validator rejects; for provider constructors.</summary>
    public static void ThrowIfInvalid(StreamStorageOptions options, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(options, parameterName);
        var result = new StreamStorageOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, parameterName);
        }
    }
}
