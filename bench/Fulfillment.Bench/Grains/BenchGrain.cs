using Grains;

namespace Fulfillment.Bench.Grains;

public sealed class BenchGrain : Grain, IBenchGrain
{
    public ValueTask<int> Ping(int x) => ValueTask.FromResult(x + 1);
}
