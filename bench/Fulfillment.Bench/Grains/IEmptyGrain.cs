using Grains;

namespace Fulfillment.Bench.Grains;

/// <summary>A grain with no state of its own, so an activation costs what the runtime spends on it.</summary>
public interface IEmptyGrain : IGrainWithStringKey
{
    ValueTask Touch();
}
