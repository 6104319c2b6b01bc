using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Fulfillment.Api.Tests.Support;

/// <summary>
/// A test host's configuration that remembers every key the service looked up (binding options, connection strings,
/// single keys), so a test can tell a setting the service reads from one it silently ignores.
/// </summary>
public sealed class ConfigurationReads : IConfigurationSource
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyDictionary<string, string?> _values = new Dictionary<string, string?>();

    /// <summary>Whether the service looked up <paramref name="key"/> (<c>Section:Key</c>, any case).</summary>
    public bool WasRead(string key) => _keys.ContainsKey(key);

    /// <summary>The values served, copied when the host is built.</summary>
    internal ConfigurationReads Serving(IReadOnlyDictionary<string, string?> values)
    {
        _values = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        return this;
    }

    internal void Record(string key) => _keys.TryAdd(key, 0);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new ConfigurationReadsProvider(this, _values);
}
