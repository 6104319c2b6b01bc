using Fulfillment.Contracts;
using Fulfillment.Contracts.Orders;
using Fulfillment.Grains.Changes;
using Fulfillment.Grains.Configuration;
using Fulfillment.Grains.Diagnostics;
using Grains;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fulfillment.Grains.Orders;

/// <summary>
/// One order: created directly or by its created event, moved on by the events of the <c>orders</c> stream, each
/// applied once (its id is marked in the same write as its effect). Not reentrant: one change at a time.
/// <para>
/// A change runs in this order. The event is applied to the state in memory; the stock calls it asks for (allocate,
/// ship, release — all idempotent) are made; the SLA is evaluated at the clock's now (alerts raised or resolved, status);
/// the reminder is moved earlier if a deadline needs it; the state is written. Only then is the change acknowledged
/// and sent to the order's readers (<see cref="OrderOutbox"/>), and the reminder moved later if it may be. A failure
/// before the write drops the in-memory state (the activation is replaced) and fails the call, so the stream
/// redelivers the event, or the caller retries, and the stock calls are repeated with no second effect.
/// </para>
/// </summary>
[GrainType("order")]
[ImplicitStreamSubscription(FulfillmentStreams.Orders)]
internal sealed partial class OrderGrain : Grain, IOrderGrain
{
    /// <summary>The one reminder that wakes the order at its next SLA deadline (see <see cref="SlaAlarm"/>).</summary>
    internal const string SlaReminder = "sla";

    private readonly IPersistentState<OrderState> _order;
    private readonly SlaOptions _sla;
    private readonly TimeProvider _time;
    private readonly OrderMetrics _metrics;
    private readonly ILogger<OrderGrain> _logger;
    private readonly IOrderChangeSink _sink;
    private readonly SlaAlarm _alarm;
    private OrderStock? _stock;
    private OrderOutbox? _outbox;

    public OrderGrain(
        [PersistentState("order")] IPersistentState<OrderState> order,
        IOptions<SlaOptions> sla,
        TimeProvider time,
        IOrderChangeSink sink,
        OrderMetrics metrics,
        ILogger<OrderGrain> logger)
    {
        _order = order;
        _sla = sla.Value;
        _time = time;
        _sink = sink;
        _metrics = metrics;
        _logger = logger;
        _alarm = new SlaAlarm(dueAt => RegisterOrUpdateReminder(SlaReminder, dueAt), () => UnregisterReminder(SlaReminder));
    }

    private OrderState State => _order.State;

    private string Id => GetPrimaryKeyString();

    private OrderStock Stock => _stock ??= new OrderStock(GrainFactory);

    private OrderOutbox Outbox => _outbox ??= new OrderOutbox(GrainFactory, _sink);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A deadline loaded from storage keeps (or gets back) its reminder, whatever happened to the last activation.
        if (SlaRules.NextAfter(State, _sla, _time.GetUtcNow()) is { } next)
        {
            _alarm.Adopt((await GetReminder(SlaReminder))?.StartAt);
            await _alarm.EarlierAsync(next);
        }
    }

    public async Task<OrderCreation> Create(OrderRequest request)
    {
        OrderRules.Validate(request);
        if (State.IsCreated)
        {
            await Outbox.SendAsync(Id, State);
            return new OrderCreation(false, OrderProjection.View(Id, State));
        }

        var now = _time.GetUtcNow();
        State.Create(request, now, eventId: null);
        await CommitAsync(now, changed: true, mustWrite: true);
        return new OrderCreation(true, OrderProjection.View(Id, State));
    }

    public Task<OrderView?> Get() => Task.FromResult(State.IsCreated ? OrderProjection.View(Id, State) : null);

    public Task<IReadOnlyList<OrderAlert>> GetAlerts() => Task.FromResult<IReadOnlyList<OrderAlert>>(OrderProjection.Alerts(Id, State));

    /// <summary>
    /// Finishes a change applied in memory: stock calls, SLA, reminder, write, then the readers. <paramref name="changed"/>
    /// says whether the readers can see a difference already (the version moves on); <paramref name="mustWrite"/> that
    /// the state must be written even if they cannot (an event id to mark).
    /// </summary>
    private async Task CommitAsync(DateTimeOffset now, bool changed, bool mustWrite)
    {
        DateTimeOffset? next;
        List<AlertRecord> alertChanges;
        try
        {
            changed |= await RunStockCallsAsync(now);
            alertChanges = State.ReconcileAlerts(SlaRules.DueAt(State, _sla, now), now, State.Version + 1);
            var status = SlaRules.StatusAt(State, _sla, now);
            changed |= alertChanges.Count > 0 || status != State.SlaStatus;
            State.SlaStatus = status;
            if (changed)
            {
                State.Stamp(now);
            }

            next = SlaRules.NextAfter(State, _sla, now);
            await _alarm.EarlierAsync(next);
            if (changed || mustWrite)
            {
                await _order.WriteStateAsync();
            }
        }
        catch
        {
            // What memory holds may never have been written: the next call starts from storage.
            DeactivateOnIdle();
            throw;
        }

        Report(alertChanges);
        await _alarm.SettleAsync(next);
        await Outbox.SendAsync(Id, State);
    }

    /// <summary>Counts and logs the stages entered and the alerts changed by a durable change.</summary>
    private void Report(List<AlertRecord> alertChanges)
    {
        foreach (var stage in State.Entered)
        {
            _metrics.Entered(stage);
            LogStageEntered(Id, stage.Name);
        }

        State.Entered.Clear();
        foreach (var alert in alertChanges)
        {
            if (alert.IsOpen)
            {
                _metrics.Raised(alert.Kind);
                LogAlertRaised(Id, alert.Kind, alert.DueAt);
            }
            else
            {
                _metrics.Resolved(alert.Kind);
                LogAlertResolved(Id, alert.Kind);
            }
        }
    }
}
