using Grains;

namespace Fulfillment.Bench.Grains;

public sealed class StateWriteGrain([PersistentState("s")] IPersistentState<BenchState> state) : Grain, IStateWriteGrain
{
    public async ValueTask<long> Write(int writer)
    {
        var current = state.State;
        current.Version++;
        current.LastWriter = writer;
        current.Quantity = (int)(current.Version % 97);
        current.UpdatedAtTicks = DateTime.UtcNow.Ticks;
        await state.WriteStateAsync();
        return current.Version;
    }
}
