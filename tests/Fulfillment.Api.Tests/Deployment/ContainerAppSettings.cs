using System.Text.RegularExpressions;

namespace Fulfillment.Api.Tests.Deployment;

/// <summary>
/// The environment variables and probe paths the Azure deployment (<c>infra/modules/resources.bicep</c>) gives the
/// service's container, read from the template itself so a test breaks when the template and the service disagree.
/// </summary>
public sealed partial class ContainerAppSettings
{
    private ContainerAppSettings(IReadOnlyList<(string Name, string? Value, string? SecretRef)> variables, IReadOnlyList<string> probePaths)
    {
        Variables = variables;
        ProbePaths = probePaths;
    }

    /// <summary>Each variable with its literal value or the name of the secret it comes from.</summary>
    public IReadOnlyList<(string Name, string? Value, string? SecretRef)> Variables { get; }

    public IReadOnlyList<string> ProbePaths { get; }

    public static ContainerAppSettings Load()
    {
        var template = File.ReadAllText(Path.Combine(RepositoryRoot(), "infra", "modules", "resources.bicep"));
        var variables = VariablePattern().Matches(template)
            .Select(m => (m.Groups["name"].Value, Optional(m.Groups["value"]), Optional(m.Groups["secret"])))
            .ToList();
        var probes = ProbePattern().Matches(template).Select(m => m.Groups["path"].Value).Distinct(StringComparer.Ordinal).ToList();
        return new ContainerAppSettings(variables, probes);
    }

    public string ValueOf(string name) => Variables.Single(v => v.Name == name).Value
        ?? throw new InvalidOperationException($"{name} comes from a secret in the template.");

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

    [GeneratedRegex(@"\{ name: '(?<name>[A-Za-z_0-9]+)', (?:value: '(?<value>[^']*)'|secretRef: '(?<secret>[^']+)') \}")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"httpGet: \{ path: '(?<path>[^']+)', port: 8080 \}")]
    private static partial Regex ProbePattern();
}
