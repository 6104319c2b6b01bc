using Fulfillment.Contracts.Carriers;
using Grains;
using Grains.Storage;

namespace Fulfillment.Grains.Carriers;

/// <summary>
/// One carrier's performance, fed by its orders' reports. Reentrant so that the reports of many orders share durable
/// writes (<see cref="StateWriteCoalescer{TState}"/>); each report is applied in one synchronous step, and acknowledged
/// once a write including it is durable.
/// </summary>
[GrainType("carrier")]
[Reentrant]
internal sealed class CarrierGrain : Grain, ICarrierGrain
{
    private readonly IPersistentState<CarrierState> _carrier;
    private readonly StateWriteCoalescer<CarrierState> _writer;
    private readonly TimeProvider _time;

    public CarrierGrain([PersistentState("carrier")] IPersistentState<CarrierState> carrier, TimeProvider time)
    {
        _carrier = carrier;
        _writer = new StateWriteCoalescer<CarrierState>(carrier, DeactivateOnIdle);
        _time = time;
    }

    public Task<CarrierPerformance> Get() => Task.FromResult(_carrier.State.ToPerformance(GetPrimaryKeyString()));

    public Task Report(CarrierOrderReport report) =>
        _carrier.State.Apply(report, _time.GetUtcNow()) ? _writer.WriteAsync() : Task.CompletedTask;
}
