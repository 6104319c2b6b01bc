using Fulfillment.Contracts.Warehouses;
using Fulfillment.Grains.Reports;
using Grains;

namespace Fulfillment.Grains.Warehouses;

/// <summary>One warehouse's operations, fed by its orders' reports (see <see cref="ReportedFiguresGrain{TFigures, TReport}"/>).</summary>
[GrainType("warehouse")]
[Reentrant]
internal sealed class WarehouseGrain : ReportedFiguresGrain<WarehouseState, WarehouseOrderReport>, IWarehouseGrain
{
    public WarehouseGrain([PersistentState("warehouse")] IPersistentState<WarehouseState> warehouse, TimeProvider time)
        : base(warehouse, time)
    {
    }

    public Task<WarehousePerformance> Get() => Task.FromResult(Figures.ToPerformance(GetPrimaryKeyString()));
}
