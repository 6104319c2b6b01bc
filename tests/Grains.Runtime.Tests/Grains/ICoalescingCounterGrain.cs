namespace Grains.Runtime.Tests.Grains;

public interface ICoalescingCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds and returns the new value once a write including it is durable.</summary>
    Task<int> Add(int amount);

    [ReadOnly]
    Task<int> Value();
}
