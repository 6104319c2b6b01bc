namespace Fulfillment.Grains.Demo;

internal sealed class CatalogSeedState
{
    public DateTimeOffset? SeededAt { get; set; }

    public int Positions { get; set; }
}
