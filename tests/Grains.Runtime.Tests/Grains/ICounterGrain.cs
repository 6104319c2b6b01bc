namespace Grains.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    [ReadOnly]
    Task<int> Get();

    Task Fail(string message);

    Task FailWithDomainError(string sku);

    Task<string> Describe(CounterDescription description);

    ValueTask<int> AddValue(int amount);

    ValueTask Touch();

    Task Deactivate();
}
