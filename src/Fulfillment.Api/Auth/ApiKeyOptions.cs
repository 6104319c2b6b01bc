namespace Fulfillment.Api.Auth;

/// <summary>
/// The <c>Auth</c> configuration section:
/// <code>
/// "Auth": { "ApiKeys": [ { "Name": "wms-east", "Key": "…at least 16 characters…", "Roles": [ "ingest" ] } ] }
/// </code>
/// (environment: <c>Auth__ApiKeys__0__Key</c>, <c>Auth__ApiKeys__0__Roles__0</c>…). With no keys every route is
/// open, which only Development allows.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Auth";

    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>True when no key is configured: the development mode in which every route is open.</summary>
    public bool IsOpen => ApiKeys.Count == 0;
}
