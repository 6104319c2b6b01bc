using System.Text.RegularExpressions;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests.Deployment;

/// <summary>
/// The container settings of the Azure deployment (<c>infra/modules/container-app.bicep</c>), read from the template
/// itself so a test breaks when the template and the service disagree: the variables of each role (<c>embedded</c>,
/// <c>gateway</c>, <c>silo</c>), each a list of <c>var …Settings</c> blocks the template concatenates, and the probe paths.
/// </summary>
public sealed partial class ServiceAppTemplate
{
    public const string TemplatePath = "infra/modules/container-app.bicep";

    /// <summary>
    /// Values for the variables whose value is a Bicep expression: the defaults of infra/main.bicep's parameters, and a
    /// silo app name for the advertised host.
    /// </summary>
    private static readonly Dictionary<string, string> ExpressionValues = new(StringComparer.Ordinal)
    {
        ["Simulator__Enabled"] = "false",
        ["Cluster__Partitions"] = "32",
        ["Cluster__LeaseDuration"] = "00:00:10",
        ["Silo__Port"] = "11111",
        ["Silo__AdvertisedHost"] = "ca-silo-0-abcdefghijklm",
    };

    private readonly IReadOnlyDictionary<string, IReadOnlyList<TemplateVariable>> _roles;

    private ServiceAppTemplate(IReadOnlyDictionary<string, IReadOnlyList<TemplateVariable>> roles, IReadOnlyList<string> probePaths)
    {
        _roles = roles;
        ProbePaths = probePaths;
    }

    public IEnumerable<string> Roles => _roles.Keys;

    public IReadOnlyList<string> ProbePaths { get; }

    public static ServiceAppTemplate Load()
    {
        var template = File.ReadAllText(Path.Combine(RepositoryRoot(), TemplatePath));
        var lists = SettingsListPattern().Matches(template).ToDictionary(
            m => m.Groups["list"].Value,
            m => VariablePattern().Matches(m.Groups["body"].Value).Select(ToVariable).ToList(),
            StringComparer.Ordinal);
        var roleBlock = RoleBlockPattern().Match(template);
        if (!roleBlock.Success || !lists.ContainsKey("common"))
        {
            throw new InvalidOperationException($"{TemplatePath} has no 'var commonSettings' or 'var roleSettings' block.");
        }

        var roles = RolePattern().Matches(roleBlock.Groups["body"].Value).ToDictionary(
            m => m.Groups["role"].Value,
            m => (IReadOnlyList<TemplateVariable>)lists["common"]
                .Concat(m.Groups["lists"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .SelectMany(list => lists[list.Replace("Settings", string.Empty, StringComparison.Ordinal)]))
                .ToList(),
            StringComparer.Ordinal);
        var probes = ProbePattern().Matches(template).Select(m => m.Groups["path"].Value).Distinct(StringComparer.Ordinal).ToList();
        return new ServiceAppTemplate(roles, probes);
    }

    public IReadOnlyList<TemplateVariable> VariablesOf(string role) => _roles[role];

    /// <summary>
    /// Configures a test host as the template configures the container of <paramref name="role"/>: the environment
    /// from ASPNETCORE_ENVIRONMENT, every other variable as configuration, secrets from <paramref name="secrets"/> and
    /// expressions from the parameters' defaults. The test keys and storage settings of the host are removed first.
    /// </summary>
    public void ApplyTo(ApiHostSettings settings, string role, IReadOnlyDictionary<string, string> secrets)
    {
        settings.WithoutKeys();
        settings.Configuration.Remove("Storage:Provider");
        foreach (var variable in VariablesOf(role))
        {
            var value = variable switch
            {
                { SecretRef: { } secret } => secrets[secret],
                { Expression: not null } => ExpressionValues.TryGetValue(variable.Name, out var known)
                    ? known
                    : throw new InvalidOperationException($"{variable.Name} = {variable.Expression}: give the test a value for it."),
                _ => variable.Value!,
            };
            if (variable.Name == "ASPNETCORE_ENVIRONMENT")
            {
                settings.Environment = value;
            }
            else
            {
                settings.Configuration[variable.ConfigurationKey] = value;
            }
        }
    }

    private static TemplateVariable ToVariable(Match match) => new(
        match.Groups["name"].Value,
        Optional(match.Groups["value"]),
        Optional(match.Groups["expression"]),
        Optional(match.Groups["secret"]));

    private static string? Optional(Group group) => group.Success ? group.Value : null;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "azure.yaml")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No azure.yaml above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^var (?<list>\w+)Settings = \[(?<body>.*?)^\]", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SettingsListPattern();

    [GeneratedRegex(@"^\s*\{ name: '(?<name>[A-Za-z_0-9]+)', (?:value: '(?<value>[^']*)'|secretRef: '(?<secret>[^']+)'|value: (?<expression>.+?)) \}\s*$", RegexOptions.Multiline)]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"^var roleSettings = \{(?<body>.*?)^\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex RoleBlockPattern();

    [GeneratedRegex(@"^\s*(?<role>\w+): (?:\[\]|concat\((?<lists>[\w, ]+)\))\s*$", RegexOptions.Multiline)]
    private static partial Regex RolePattern();

    [GeneratedRegex(@"httpGet: \{ path: '(?<path>[^']+)', port: httpPort \}")]
    private static partial Regex ProbePattern();
}
