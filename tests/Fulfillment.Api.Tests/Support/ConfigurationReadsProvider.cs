using Microsoft.Extensions.Configuration;

namespace Fulfillment.Api.Tests.Support;

/// <summary>Serves fixed values like the in-memory provider and reports each key looked up to its <see cref="ConfigurationReads"/>.</summary>
internal sealed class ConfigurationReadsProvider : ConfigurationProvider
{
    private readonly ConfigurationReads _reads;

    public ConfigurationReadsProvider(ConfigurationReads reads, IReadOnlyDictionary<string, string?> values)
    {
        _reads = reads;
        foreach (var (key, value) in values)
        {
            Data[key] = value;
        }
    }

    public override bool TryGet(string key, out string? value)
    {
        _reads.Record(key);
        return base.TryGet(key, out value);
    }
}
