namespace Fulfillment.Api.Tests.Support;

/// <summary>API keys the test hosts configure, one per role.</summary>
public static class TestKeys
{
    public const string Ingest = "ingest-key-0123456789";
    public const string Ops = "ops-key-0123456789abc";
    public const string Storefront = "storefront-key-012345";

    public static Dictionary<string, string?> Configuration() => new()
    {
        ["Auth:ApiKeys:0:Name"] = "wms",
        ["Auth:ApiKeys:0:Key"] = Ingest,
        ["Auth:ApiKeys:0:Roles:0"] = "ingest",
        ["Auth:ApiKeys:1:Name"] = "operator",
        ["Auth:ApiKeys:1:Key"] = Ops,
        ["Auth:ApiKeys:1:Roles:0"] = "ops",
        ["Auth:ApiKeys:2:Name"] = "shop",
        ["Auth:ApiKeys:2:Key"] = Storefront,
        ["Auth:ApiKeys:2:Roles:0"] = "storefront",
    };
}
