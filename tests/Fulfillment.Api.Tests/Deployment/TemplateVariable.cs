namespace Fulfillment.Api.Tests.Deployment;

/// <summary>
/// One environment variable the Azure template gives the service's container: a literal value, a Bicep expression
/// (known only at deployment), or the name of the Key Vault-backed secret it comes from.
/// </summary>
public sealed record TemplateVariable(string Name, string? Value, string? Expression, string? SecretRef)
{
    /// <summary>The configuration key the variable sets: <c>Auth__ApiKeys__0__Key</c> is <c>Auth:ApiKeys:0:Key</c>.</summary>
    public string ConfigurationKey => Name.Replace("__", ":", StringComparison.Ordinal);
}
