using Fulfillment.Contracts.Carriers;
using Fulfillment.Grains.Reports;
using Grains;

namespace Fulfillment.Grains.Carriers;

/// <summary>One carrier's performance, fed by its orders' reports (see <see cref="ReportedFiguresGrain{TFigures, TReport}"/>).</summary>
[GrainType("carrier")]
[Reentrant]
internal sealed class CarrierGrain : ReportedFiguresGrain<CarrierState, CarrierOrderReport>, ICarrierGrain
{
    private bool _listed;

    public CarrierGrain([PersistentState("carrier")] IPersistentState<CarrierState> carrier, TimeProvider time)
        : base(carrier, time)
    {
    }

    public Task<CarrierPerformance> Get() => Task.FromResult(Figures.ToPerformance(GetPrimaryKeyString()));

    /// <summary>Makes sure the directory lists this carrier: once per activation, so a hot carrier costs it one call.</summary>
    protected override async Task OnReportedAsync()
    {
        if (!_listed)
        {
            await GrainFactory.GetGrain<ICarrierDirectoryGrain>(ICarrierDirectoryGrain.Key).Add(GetPrimaryKeyString());
            _listed = true;
        }
    }
}
