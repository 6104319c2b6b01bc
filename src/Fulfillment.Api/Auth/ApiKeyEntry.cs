namespace Fulfillment.Api.Auth;

/// <summary>One configured API key: a name for logs (the key itself is never logged), the secret, and its roles.</summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];
}
