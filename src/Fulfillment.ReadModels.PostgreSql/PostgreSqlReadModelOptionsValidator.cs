using Grains.PostgreSql;
using Microsoft.Extensions.Options;

namespace Fulfillment.ReadModels.PostgreSql;

/// <summary>Rejects read-model options that could not work, naming the option, its value and the rule.</summary>
internal sealed class PostgreSqlReadModelOptionsValidator : IValidateOptions<PostgreSqlReadModelOptions>
{
    /// <summary>How the options are named in failures: where the service reads them from.</summary>
    public const string Prefix = "ReadModel:PostgreSql";

    public ValidateOptionsResult Validate(string? name, PostgreSqlReadModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        PostgreSqlOptionChecks.ConnectionString(failures, $"{Prefix}:{nameof(options.ConnectionString)}", options.ConnectionString);
        PostgreSqlOptionChecks.Schema(failures, $"{Prefix}:{nameof(options.Schema)}", options.Schema);
        PostgreSqlOptionChecks.CommandTimeout(failures, $"{Prefix}:{nameof(options.CommandTimeout)}", options.CommandTimeout);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every option <paramref name="options"/> gets wrong.</summary>
    public static void ThrowIfInvalid(PostgreSqlReadModelOptions options, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(options, parameterName);
        var result = new PostgreSqlReadModelOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, parameterName);
        }
    }
}
