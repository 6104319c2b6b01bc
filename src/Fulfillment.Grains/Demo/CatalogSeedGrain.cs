using Grains;

namespace Fulfillment.Grains.Demo;

[GrainType("demo-catalog-seed")]
internal sealed class CatalogSeedGrain : Grain, ICatalogSeedGrain
{
    private readonly IPersistentState<CatalogSeedState> _seed;
    private readonly TimeProvider _time;

    public CatalogSeedGrain([PersistentState("seed")] IPersistentState<CatalogSeedState> seed, TimeProvider time)
    {
        _seed = seed;
        _time = time;
    }

    public Task<bool> IsSeeded() => Task.FromResult(_seed.State.SeededAt is not null);

    public async Task MarkSeeded(int positions)
    {
        _seed.State.SeededAt = _time.GetUtcNow();
        _seed.State.Positions = positions;
        await _seed.WriteStateAsync();
    }
}
