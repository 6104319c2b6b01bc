namespace Grains.Runtime.Tests.Grains;

public sealed class MissingStorageGrain([PersistentState("orphan", "nowhere")] IPersistentState<CounterState> state) : Grain, IMissingStorageGrain
{
    public Task<int> Read() => Task.FromResult(state.State.Value);
}
