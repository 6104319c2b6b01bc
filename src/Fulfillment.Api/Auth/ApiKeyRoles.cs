using Microsoft.AspNetCore.Authorization;

namespace Fulfillment.Api.Auth;

/// <summary>The roles an API key can hold. Each is also the name of the authorization policy that requires it.</summary>
public static class ApiKeyRoles
{
    public const string Storefront = "storefront";
    public const string Ops = "ops";
    public const string Ingest = "ingest";

    /// <summary>For <c>[Authorize(Roles = ...)]</c>: either role will do (the order read route).</summary>
    public const string StorefrontOrOps = Storefront + "," + Ops;

    public static IReadOnlyList<string> All { get; } = [Storefront, Ops, Ingest];

    /// <summary>
    /// The roles a route's authorization data asks for: policies named as roles, and the comma-separated roles of
    /// <c>Roles =</c>, any one of which admits the caller.
    /// </summary>
    public static string[] RequiredBy(IEnumerable<IAuthorizeData> data) =>
        [.. data.SelectMany(a => a.Policy is { Length: > 0 } policy ? [policy] : (a.Roles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)];
}
