using Microsoft.Extensions.Options;

namespace Grains.PostgreSql;

/// <summary>Rejects options a PostgreSQL provider cannot work with, naming the option, its value and the rule.</summary>
internal sealed class PostgreSqlStorageOptionsValidator : IValidateOptions<PostgreSqlStorageOptions>
{
    internal const int MaxWriteBatchSizeLimit = 65_536;

    internal const int MaxWriteConcurrency = 64;

    internal const int MaxAppendBatchEventsLimit = 1_000_000;

    public ValidateOptionsResult Validate(string? name, PostgreSqlStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "PostgreSql" : $"PostgreSql[{name}]";
        var failures = new List<string>();
        PostgreSqlOptionChecks.ConnectionString(failures, $"{prefix}:{nameof(options.ConnectionString)}", options.ConnectionString);
        PostgreSqlOptionChecks.Schema(failures, $"{prefix}:{nameof(options.Schema)}", options.Schema);
        if (options.MaxWriteBatchSize is < 1 or > MaxWriteBatchSizeLimit)
        {
            failures.Add($"{prefix}:{nameof(options.MaxWriteBatchSize)} is {options.MaxWriteBatchSize}; it must be between 1 and {MaxWriteBatchSizeLimit}.");
        }

        if (options.WriteConcurrency is < 1 or > MaxWriteConcurrency)
        {
            failures.Add($"{prefix}:{nameof(options.WriteConcurrency)} is {options.WriteConcurrency}; it must be between 1 and {MaxWriteConcurrency}.");
        }

        if (options.MaxAppendBatchEvents is < 1 or > MaxAppendBatchEventsLimit)
        {
            failures.Add($"{prefix}:{nameof(options.MaxAppendBatchEvents)} is {options.MaxAppendBatchEvents}; it must be between 1 and {MaxAppendBatchEventsLimit}.");
        }

        PostgreSqlOptionChecks.CommandTimeout(failures, $"{prefix}:{nameof(options.CommandTimeout)}", options.CommandTimeout);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every option <paramref name="options"/> gets wrong.</summary>
    public static void ThrowIfInvalid(PostgreSqlStorageOptions options, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(options, parameterName);
        var result = new PostgreSqlStorageOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, parameterName);
        }
    }
}
