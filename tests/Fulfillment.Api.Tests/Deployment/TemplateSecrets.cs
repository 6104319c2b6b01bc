using Grains.Testing;

namespace Fulfillment.Api.Tests.Deployment;

/// <summary>Values for the template's Key Vault-backed secrets: test API keys, and the test's PostgreSQL schema as the connection.</summary>
public static class TemplateSecrets
{
    public const string StorefrontKey = "azure-storefront-key-0123";
    public const string OpsKey = "azure-ops-key-0123456789";
    public const string IngestKey = "azure-ingest-key-01234567";

    public static IReadOnlyDictionary<string, string> For(PostgreSqlTestSchema schema) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fulfillment-connection"] = schema.ConnectionString,
        ["storefront-api-key"] = StorefrontKey,
        ["ops-api-key"] = OpsKey,
        ["ingest-api-key"] = IngestKey,
    };
}
