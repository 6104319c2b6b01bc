using Fulfillment.Contracts.Warehouses;
using Grains;
using Grains.Storage;

namespace Fulfillment.Grains.Warehouses;

/// <summary>
/// One warehouse's operations, fed by its orders' reports. Reentrant so that the reports of many orders share durable
/// writes (<see cref="StateWriteCoalescer{TState}"/>); each report is applied in one synchronous step, and acknowledged
/// once a write including it is durable.
/// </summary>
[GrainType("warehouse")]
[Reentrant]
internal sealed class WarehouseGrain : Grain, IWarehouseGrain
{
    private readonly IPersistentState<WarehouseState> _warehouse;
    private readonly StateWriteCoalescer<WarehouseState> _writer;
    private readonly TimeProvider _time;

    public WarehouseGrain([PersistentState("warehouse")] IPersistentState<WarehouseState> warehouse, TimeProvider time)
    {
        _warehouse = warehouse;
        _writer = new StateWriteCoalescer<WarehouseState>(warehouse, DeactivateOnIdle);
        _time = time;
    }

    public Task<WarehousePerformance> Get() => Task.FromResult(_warehouse.State.ToPerformance(GetPrimaryKeyString()));

    public Task Report(WarehouseOrderReport report) =>
        _warehouse.State.Apply(report, _time.GetUtcNow()) ? _writer.WriteAsync() : Task.CompletedTask;
}
