using System.Text.RegularExpressions;
using Npgsql;

namespace Grains.PostgreSql;

/// <summary>
/// The rules for the settings every PostgreSQL store of the project takes (connection string, schema, command
/// timeout), shared by the grain providers' validator and any other store on the same server. Each check adds a
/// failure naming the option (as the caller spells it), its value and the rule.
/// </summary>
public static partial class PostgreSqlOptionChecks
{
    /// <summary>The longest command timeout accepted.</summary>
    public static readonly TimeSpan MaxCommandTimeout = TimeSpan.FromHours(1);

    /// <summary>Adds a failure unless <paramref name="value"/> is an Npgsql connection string naming a host.</summary>
    public static void ConnectionString(List<string> failures, string option, string? value)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{option} is empty; it must name the server, e.g. 'Host=localhost;Database=fulfillment;Username=app' (ConnectionStrings:Fulfillment in the service).");
            return;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                failures.Add($"{option} has no Host; it must name the server.");
            }
        }
        catch (ArgumentException error)
        {
            // The value may hold a password, so only the parser's complaint is repeated.
            failures.Add($"{option} is not a valid Npgsql connection string: {error.Message}");
        }
    }

    /// <summary>
    /// Adds a failure unless <paramref name="value"/> is a plain lower-case identifier that PostgreSQL does not reserve:
    /// it goes into SQL text unquoted.
    /// </summary>
    public static void Schema(List<string> failures, string option, string? value)
    {
        ArgumentNullException.ThrowIfNull(failures);
        // PostgreSQL reserves names starting with pg_ for its own schemas.
        if (value is null || !Identifier().IsMatch(value) || value.StartsWith("pg_", StringComparison.Ordinal))
        {
            failures.Add($"{option} is '{value}'; it must be 1 to 63 lower-case letters, digits or underscores, not starting with a digit or pg_.");
        }
    }

    /// <summary>Adds a failure unless <paramref name="value"/> is more than zero and at most <see cref="MaxCommandTimeout"/>.</summary>
    public static void CommandTimeout(List<string> failures, string option, TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (value <= TimeSpan.Zero || value > MaxCommandTimeout)
        {
            failures.Add($"{option} is {value}; it must be greater than zero and at most {MaxCommandTimeout}.");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
