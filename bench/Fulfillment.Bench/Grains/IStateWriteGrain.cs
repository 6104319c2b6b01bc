using Grains;

namespace Fulfillment.Bench.Grains;

public interface IStateWriteGrain : IGrainWithStringKey
{
    /// <summary>Mutates the state and completes once it is durably written; returns the new version.</summary>
    ValueTask<long> Write(int writer);
}
