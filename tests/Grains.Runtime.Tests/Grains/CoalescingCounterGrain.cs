using Grains.Storage;

namespace Grains.Runtime.Tests.Grains;

[Reentrant]
public sealed class CoalescingCounterGrain : Grain, ICoalescingCounterGrain
{
    private readonly IPersistentState<CounterState> _counter;
    private readonly StateWriteCoalescer<CounterState> _writer;

    public CoalescingCounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter)
    {
        _counter = counter;
        _writer = new StateWriteCoalescer<CounterState>(counter, DeactivateOnIdle);
    }

    public async Task<int> Add(int amount)
    {
        // Decided within the turn, before any await: concurrent requests never see a half-applied change.
        var value = _counter.State.Value += amount;
        await _writer.WriteAsync();
        return value;
    }

    public Task<int> Value() => Task.FromResult(_counter.State.Value);
}
