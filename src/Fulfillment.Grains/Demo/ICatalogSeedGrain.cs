using Grains;

namespace Fulfillment.Grains.Demo;

/// <summary>Remembers, in the service's own storage, that the demo catalogue was seeded: once per data directory.</summary>
[Alias("fulfillment.demo-catalog-seed")]
internal interface ICatalogSeedGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<bool> IsSeeded();

    Task MarkSeeded(int positions);
}
