using Grains;

namespace Fulfillment.Bench.Grains;

public sealed class EmptyGrain : Grain, IEmptyGrain
{
    public ValueTask Touch() => default;
}
