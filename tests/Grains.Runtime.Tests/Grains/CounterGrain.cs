using Grains.Testing;

namespace Grains.Runtime.Tests.Grains;

public sealed class CounterGrain(Signals signals) : Grain, ICounterGrain
{
    private int _value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        signals.Record($"activated:{GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        signals.Record($"deactivated:{GetPrimaryKeyString()}", reason.Code);
        return Task.CompletedTask;
    }

    public Task<int> Add(int amount) => Task.FromResult(_value += amount);

    public Task<int> Get() => Task.FromResult(_value);

    public Task Fail(string message) => throw new InvalidOperationException(message);

    public async Task FailWithDomainError(string sku)
    {
        await Task.Yield();
        throw new OutOfStockException($"{sku} is out of stock");
    }

    public Task<string> Describe(CounterDescription description) =>
        Task.FromResult($"{description.Label}:{string.Join(',', description.Values)}@{description.At:O}");

    public ValueTask<int> AddValue(int amount) => ValueTask.FromResult(_value += amount);

    public ValueTask Touch() => ValueTask.CompletedTask;

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
