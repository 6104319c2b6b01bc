using System.Globalization;

namespace Fulfillment.Bench.Cli;

/// <summary>
/// The <c>--name value</c> options given to a scenario, checked against what it accepts. Typed getters validate on
/// read, so a scenario reads all its options before it starts anything.
/// </summary>
internal sealed class ScenarioOptions
{
    private readonly Dictionary<string, string> _values;

    private ScenarioOptions(Dictionary<string, string> values) => _values = values;

    public static ScenarioOptions Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> accepted)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"Unexpected argument '{arg}'; options look like --name value.");
            }

            var name = arg[2..];
            if (!accepted.Any(o => o.Name == name))
            {
                throw new UsageException($"Unknown option '--{name}'.");
            }

            if (i + 1 >= args.Count)
            {
                throw new UsageException($"Option '--{name}' needs a value.");
            }

            if (!values.TryAdd(name, args[++i]))
            {
                throw new UsageException($"Option '--{name}' is given twice.");
            }
        }

        return new ScenarioOptions(values);
    }

    public int GetInt32(string name, int defaultValue, int min, int max = int.MaxValue)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return defaultValue;
        }

        if (!int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            throw new UsageException($"--{name} must be an integer from {min} to {max}; got '{text}'.");
        }

        return value;
    }

    public double GetSeconds(string name, double defaultValue, double min = 0.1, double max = 86_400)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return defaultValue;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value < min || value > max)
        {
            throw new UsageException($"--{name} must be a number of seconds from {min} to {max}; got '{text}'.");
        }

        return value;
    }

    public string? GetString(string name) =>
        _values.TryGetValue(name, out var text)
            ? string.IsNullOrWhiteSpace(text) ? throw new UsageException($"--{name} must not be empty.") : text
            : null;
}
