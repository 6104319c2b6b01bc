using Grains.Testing;

namespace Fulfillment.Api.Tests.Support;

/// <summary>How a test host starts: environment, configuration (memory storage and one key per role unless changed), clock.</summary>
public sealed class ApiHostSettings
{
    public string Environment { get; set; } = "Development";

    public Dictionary<string, string?> Configuration { get; } = new(TestKeys.Configuration())
    {
        ["Storage:Provider"] = "Memory",
    };

    /// <summary>When set, the configuration is served through it, which records every key the service reads.</summary>
    public ConfigurationReads? Reads { get; set; }

    /// <summary>The clock (2026-01-01T00:00Z unless replaced before the host starts).</summary>
    public ManualTimeProvider Time { get; set; } = new();

    /// <summary>Removes every configured API key (the open development mode, or a refused production start).</summary>
    public ApiHostSettings WithoutKeys()
    {
        foreach (var key in Configuration.Keys.Where(k => k.StartsWith("Auth:", StringComparison.Ordinal)).ToList())
        {
            Configuration.Remove(key);
        }

        return this;
    }
}
