using Fulfillment.Contracts.Reservations;
using Fulfillment.Grains.Configuration;
using Fulfillment.Grains.Sourcing;
using Grains;
using Microsoft.Extensions.Logging;

namespace Fulfillment.Grains.Reservations;

/// <summary>
/// One checkout reservation across the inventory grains of its parts. Not reentrant: one operation at a time per id,
/// so the same id placed twice at once holds nothing twice.
/// <para>
/// Place holds every part or none, and answers only once the held reservation is durable. A crash before that leaves
/// holds nobody recorded: they expire by themselves (each inventory grain keeps its expiry reminder). Refusals are not
/// stored, so placing the same id again after a restock can succeed. Confirm confirms the inventory first and records
/// the confirmation after: a crash between the two leaves allocations that a retried Confirm (idempotent) records,
/// never a confirmed reservation whose holds could still lapse.
/// </para>
/// </summary>
[GrainType("reservation")]
internal sealed partial class ReservationGrain : Grain, IReservationGrain
{
    private readonly IPersistentState<ReservationState> _reservation;
    private readonly SourcingPlanner _planner;
    private readonly WarehouseNetwork _network;
    private readonly TimeProvider _time;
    private readonly ILogger<ReservationGrain> _logger;
    private NetworkStock? _stock;

    public ReservationGrain(
        [PersistentState("reservation")] IPersistentState<ReservationState> reservation,
        SourcingPlanner planner,
        WarehouseNetwork network,
        TimeProvider time,
        ILogger<ReservationGrain> logger)
    {
        _reservation = reservation;
        _planner = planner;
        _network = network;
        _time = time;
        _logger = logger;
    }

    private ReservationState State => _reservation.State;

    private string Id => GetPrimaryKeyString();

    private NetworkStock Stock => _stock ??= new NetworkStock(GrainFactory, _network);

    public async Task<ReservationResult> Place(ReservationRequest request)
    {
        ReservationRules.Validate(request);
        var requested = RequestedLine.Merge(request.Lines);
        var now = _time.GetUtcNow();
        if (State.Phase != ReservationPhase.None)
        {
            return RequestedLine.Same(State.Requested, requested)
                ? Result(ReservationOutcome.Held, now)
                : Result(ReservationOutcome.Conflict, now, $"Reservation '{Id}' already exists for other lines.");
        }

        var expiresAt = now.AddSeconds(request.TtlSeconds);
        var skus = requested.Select(r => r.Sku).ToList();
        var availability = await Stock.ViewAsync(skus);
        for (var attempt = 1; ; attempt++)
        {
            var plan = _planner.Plan(request.Lines, availability, request.DestinationRegion, now);
            if (!plan.CanPromiseAll)
            {
                LogShort(Id, attempt);
                return Short(Shortfall.FromPlan(plan, requested));
            }

            var parts = PartsOf(plan);
            var refusals = await Stock.HoldAllAsync(Id, parts, expiresAt);
            if (refusals.Count == 0)
            {
                return await RecordHeldAsync(parts, requested, request.DestinationRegion, now, expiresAt);
            }

            if (attempt == 2)
            {
                LogShort(Id, attempt);
                return Short(Shortfall.FromRefusals(refusals, availability, requested));
            }

            // Another cart took stock between the view and the hold: plan once more from the inventory grains themselves.
            LogReplanning(Id, refusals.Count);
            availability = await Stock.ReadAsync(skus, _time.GetUtcNow());
        }
    }

    public async Task<ReservationResult> Confirm(string orderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var now = _time.GetUtcNow();
        switch (StatusAt(now))
        {
            case null:
                return NotFound();
            case ReservationStatus.Confirmed:
                return string.Equals(State.OrderId, orderId, StringComparison.Ordinal)
                    ? Result(ReservationOutcome.Confirmed, now)
                    : Result(ReservationOutcome.Conflict, now, $"Reservation '{Id}' is confirmed for order '{State.OrderId}'.");
            case ReservationStatus.Released:
                return Result(ReservationOutcome.Conflict, now, $"Reservation '{Id}' was released.");
            case ReservationStatus.Expired:
                return Result(ReservationOutcome.Expired, now);
        }

        var lost = await Stock.ConfirmAllAsync(Id, State.Parts);
        if (lost.Count > 0)
        {
            // A hold lapsed under us (at its expiry instant, or lost before this reservation was recorded): nothing is kept.
            LogHoldsLost(Id, lost.Count);
            await Stock.ReleaseAllAsync(Id, State.Parts);
            await CloseAsync(ReservationPhase.Expired, now);
            return Result(ReservationOutcome.Expired, now, $"{lost.Count} of the reservation's holds had lapsed.");
        }

        State.OrderId = orderId;
        await CloseAsync(ReservationPhase.Confirmed, now);
        return Result(ReservationOutcome.Confirmed, now);
    }

    public async Task<ReservationResult> Release()
    {
        var now = _time.GetUtcNow();
        switch (StatusAt(now))
        {
            case null:
                return NotFound();
            case ReservationStatus.Released:
                return Result(ReservationOutcome.Released, now);
            case ReservationStatus.Expired:
                // The holds return by themselves; releasing them now only makes that immediate.
                await Stock.ReleaseAllAsync(Id, State.Parts);
                if (State.Phase == ReservationPhase.Held)
                {
                    await CloseAsync(ReservationPhase.Expired, now);
                }

                return Result(ReservationOutcome.Expired, now);
        }

        // Held, or confirmed (an order given up): the stock returns at once.
        await Stock.ReleaseAllAsync(Id, State.Parts);
        await CloseAsync(ReservationPhase.Released, now);
        return Result(ReservationOutcome.Released, now);
    }

    public Task<ReservationView?> Get() => Task.FromResult(State.Phase == ReservationPhase.None ? null : View(_time.GetUtcNow()));

    private async Task<ReservationResult> RecordHeldAsync(
        List<ReservedPart> parts, List<RequestedLine> requested, string? destinationRegion, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        State.Phase = ReservationPhase.Held;
        State.Parts = parts;
        State.Requested = requested;
        State.DestinationRegion = destinationRegion;
        State.CreatedAt = now;
        State.ExpiresAt = expiresAt;
        try
        {
            await _reservation.WriteStateAsync();
        }
        catch
        {
            // Not recorded, so not held: give the stock back and start from storage on the next call.
            _reservation.State = new ReservationState();
            DeactivateOnIdle();
            await Stock.ReleaseQuietlyAsync(Id, parts);
            throw;
        }

        LogHeld(Id, parts.Count, expiresAt);
        return Result(ReservationOutcome.Held, now);
    }

    private async Task CloseAsync(ReservationPhase phase, DateTimeOffset now)
    {
        State.Phase = phase;
        State.ClosedAt = now;
        await _reservation.WriteStateAsync();
    }

    /// <summary>The plan's ship-from as parts, one per (warehouse, SKU): each inventory grain holds once per reservation.</summary>
    private static List<ReservedPart> PartsOf(SourcingPlan plan) =>
    [
        .. plan.Lines
            .SelectMany(l => l.ShipFrom.Select(s => (l.Sku, s.WarehouseId, s.Quantity)))
            .GroupBy(p => (p.Sku, p.WarehouseId))
            .Select(g => new ReservedPart { Sku = g.Key.Sku, WarehouseId = g.Key.WarehouseId, Quantity = g.Sum(p => p.Quantity) }),
    ];

    /// <summary>The status of API.md at <paramref name="now"/>: expired is derived from a held reservation's expiry.</summary>
    private ReservationStatus? StatusAt(DateTimeOffset now) => State.Phase switch
    {
        ReservationPhase.None => null,
        ReservationPhase.Held => now >= State.ExpiresAt ? ReservationStatus.Expired : ReservationStatus.Held,
        ReservationPhase.Confirmed => ReservationStatus.Confirmed,
        ReservationPhase.Released => ReservationStatus.Released,
        _ => ReservationStatus.Expired,
    };

    private ReservationView View(DateTimeOffset now) => new(
        Id,
        StatusAt(now) ?? throw new InvalidOperationException("A reservation that was never placed has no view."),
        State.Phase == ReservationPhase.Confirmed ? null : State.ExpiresAt,
        [.. State.Parts.Select(p => new ReservedLine(p.Sku, p.Quantity, p.WarehouseId))],
        State.OrderId,
        State.CreatedAt);

    private ReservationResult Result(ReservationOutcome outcome, DateTimeOffset now, string? detail = null) =>
        new(outcome, View(now), [], detail);

    private static ReservationResult Short(IReadOnlyList<ShortLine> shortLines) =>
        new(ReservationOutcome.Short, null, shortLines, "Some lines cannot be held; nothing is held.");

    private ReservationResult NotFound() => new(ReservationOutcome.NotFound, null, [], $"No reservation has the id '{Id}'.");
}
