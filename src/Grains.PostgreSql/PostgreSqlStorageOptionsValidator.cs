using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>Rejects options a PostgreSQL provider cannot work with, naming the option, its value and the rule.</summary>
internal sealed partial class PostgreSqlStorageOptionsValidator : IValidateOptions<PostgreSqlStorageOptions>
{
    internal const int MaxWriteBatchSizeLimit = 65_536;

    internal const int MaxWriteConcurrency = 64;

    internal const int MaxAppendBatchEventsLimit = 1_000_000;

    internal static readonly TimeSpan MaxCommandTimeout = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, PostgreSqlStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "PostgreSql" : $"PostgreSql[{name}]";
        var failures = new List<string>();
        CheckConnectionString(failures, prefix, options.ConnectionString);
        // PostgreSQL reserves names starting with pg_ for its own schemas.
        if (options.Schema is null || !SchemaName().IsMatch(options.Schema) || options.Schema.StartsWith("pg_", StringComparison.Ordinal))
        {
            failures.Add($"{prefix}:{nameof(options.Schema)} is '{options.Schema}'; it must be 1 to 63 lower-case letters, digits or underscores, not starting with a digit or pg_.");
        }

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

        if (options.CommandTimeout <= TimeSpan.Zero || options.CommandTimeout > MaxCommandTimeout)
        {
            failures.Add($"{prefix}:{nameof(options.CommandTimeout)} is {options.CommandTimeout}; it must be greater than zero and at most {MaxCommandTimeout}.");
        }

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

    private static void CheckConnectionString(List<string> failures, string prefix, string? connectionString)
    {
        const string Option = nameof(PostgreSqlStorageOptions.ConnectionString);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add($"{prefix}:{Option} is empty; it must name the server, e.g. 'Host=localhost;Database=fulfillment;Username=app' (ConnectionStrings:Fulfillment in the service).");
            return;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                failures.Add($"{prefix}:{Option} has no Host; it must name the server.");
            }
        }
        catch (ArgumentException error)
        {
            // The value may hold a password, so only the parser's complaint is repeated.
            failures.Add($"{prefix}:{Option} is not a valid Npgsql connection string: {error.Message}");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
