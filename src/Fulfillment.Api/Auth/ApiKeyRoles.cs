namespace Fulfillment.Api.Auth;

/// <summary>The roles an API key can hold. Each is also the name of the authorization policy that requires it.</summary>
public static class ApiKeyRoles
{
    public const string Storefront = "storefront";
    public const string Ops = "ops";
    public const string Ingest = "ingest";

    public static IReadOnlyList<string> All { get; } = [Storefront, Ops, Ingest];
}
