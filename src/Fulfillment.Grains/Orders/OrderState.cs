using System.Text.Json.Serialization;
using Fulfillment.Contracts;
using Fulfillment.Contracts.Events;
using Fulfillment.Contracts.Orders;
using Fulfillment.Contracts.Reservations;
using Grains.Streams;

namespace Fulfillment.Grains.Orders;

/// <summary>
/// The persisted order and the rules of its lifecycle. Every step is recorded in the timeline; a step moves the stage
/// only to a higher rank, and once the stage is final (delivered, cancelled) a step is recorded and nothing else.
/// The grain runs the side effects the state asks for (<see cref="NeedsAllocation"/>, <see cref="NeedsShipment"/>,
/// <see cref="NeedsRelease"/>) and makes the result durable.
/// </summary>
internal sealed partial class OrderState
{
    private static readonly string[] LeftWarehouseStages =
        [Stage.CarrierScanned.Name, Stage.InTransit.Name, Stage.OutForDelivery.Name, Stage.Delivered.Name];

    private Stage? _stage;

    /// <summary>Event time of the creation (the clock's for a direct create); null until created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    public string CustomerId { get; set; } = string.Empty;

    public List<OrderLine> Lines { get; set; } = [];

    public string DestinationRegion { get; set; } = string.Empty;

    public DateTimeOffset? PromisedDeliveryAt { get; set; }

    /// <summary>The checkout reservation the order was placed with, if any.</summary>
    public string? ReservationId { get; set; }

    public string StageName { get; set; } = Stage.Created.Name;

    public bool PaymentConfirmed { get; set; }

    /// <summary>Event time of the cancellation that was applied.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>The earliest event time of each reported stage that was applied (picked on).</summary>
    public Dictionary<string, DateTimeOffset> Milestones { get; set; } = new(StringComparer.Ordinal);

    public string? WarehouseId { get; set; }

    public string? Carrier { get; set; }

    public string? TrackingNumber { get; set; }

    /// <summary>Every warehouse and carrier the order was ever at, so a move can be reported to the one it left.</summary>
    public List<string> KnownWarehouses { get; set; } = [];

    public List<string> KnownCarriers { get; set; } = [];

    /// <summary>The reservation whose confirmed allocations hold the order's stock: the order's own, or one placed under the order id.</summary>
    public string? AllocationReservationId { get; set; }

    public List<ReservedLine> Allocations { get; set; } = [];

    public string? AllocationIssue { get; set; }

    /// <summary>The allocations were shipped: on hand went down in each inventory grain.</summary>
    public bool Shipped { get; set; }

    /// <summary>The stock was returned after a cancellation.</summary>
    public bool Released { get; set; }

    /// <summary>Sorted by event time, then arrival.</summary>
    public List<TimelineRecord> Timeline { get; set; } = [];

    public long Arrivals { get; set; }

    /// <summary>By kind.</summary>
    public Dictionary<string, AlertRecord> Alerts { get; set; } = new(StringComparer.Ordinal);

    public string SlaStatus { get; set; } = SlaStatuses.OnTrack;

    /// <summary>Grows with every durable change the order's readers can see.</summary>
    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public ProcessedEventWindow Processed { get; set; } = new();

    [JsonIgnore]
    public bool IsCreated => CreatedAt is not null;

    [JsonIgnore]
    public Stage CurrentStage => _stage ??= Stage.TryParse(StageName, out var stage)
        ? stage
        : throw new InvalidDataException($"The stored stage '{StageName}' is not a stage.");

    [JsonIgnore]
    public bool IsFinal => CurrentStage.IsFinal;

    /// <summary>Stages entered since the grain last took them (for metrics and logs); not stored.</summary>
    [JsonIgnore]
    public List<Stage> Entered { get; } = [];

    /// <summary>The goods left the warehouse: a carrier scanned them, or a later carrier stage says so.</summary>
    [JsonIgnore]
    public bool HasLeftWarehouse => LeftWarehouseStages.Any(Milestones.ContainsKey);

    [JsonIgnore]
    public bool NeedsAllocation => IsCreated && PaymentConfirmed && !IsFinal && Allocations.Count == 0 && AllocationIssue is null;

    [JsonIgnore]
    public bool NeedsShipment => Allocations.Count > 0 && HasLeftWarehouse && !Shipped && !Released;

    /// <summary>Cancelled before the goods left: the allocation, or the checkout reservation still held, returns its stock.</summary>
    [JsonIgnore]
    public bool NeedsRelease => CurrentStage == Stage.Cancelled && !HasLeftWarehouse && !Shipped && !Released && ReleaseTarget is not null;

    [JsonIgnore]
    public string? ReleaseTarget => AllocationReservationId ?? ReservationId;

    public DateTimeOffset? MilestoneOf(Stage stage) => Milestones.TryGetValue(stage.Name, out var at) ? at : null;

    /// <summary>Records the order's data. False (and nothing recorded) when it already exists: creation is idempotent by order id.</summary>
    public bool Create(OrderRequest request, DateTimeOffset at, string? eventId)
    {
        if (IsCreated)
        {
            return false;
        }

        CreatedAt = at;
        CustomerId = request.CustomerId;
        Lines = [.. request.Lines];
        DestinationRegion = request.DestinationRegion;
        PromisedDeliveryAt = request.PromisedDeliveryAt;
        ReservationId = request.ReservationId;
        Record(Stage.Created, at, eventId);

        // Events that arrived before the creation may have moved the stage already; then it stays where it is.
        if (CurrentStage == Stage.Created)
        {
            Entered.Add(Stage.Created);
        }

        return true;
    }

    /// <summary>
    /// Payment is confirmed: the order is to be allocated. A confirmation repeated after an allocation that failed (say
    /// for lack of stock) asks for another attempt.
    /// </summary>
    public void ConfirmPayment(DateTimeOffset at, string eventId)
    {
        Record(Stage.PaymentConfirmed, at, eventId);
        if (!IsFinal)
        {
            PaymentConfirmed = true;
            AllocationIssue = null;
            MoveTo(Stage.PaymentConfirmed);
        }
    }

    public void Cancel(DateTimeOffset at, string eventId)
    {
        Record(Stage.Cancelled, at, eventId);
        if (!IsFinal)
        {
            CancelledAt = at;
            MoveTo(Stage.Cancelled);
        }
    }

    /// <summary>
    /// A warehouse or carrier reported a stage. Applied unless the order is final: its time becomes the stage's
    /// milestone (the earliest report wins), its warehouse, carrier, tracking number and promise are taken, and the stage
    /// moves if this one ranks higher — a late report of an earlier stage only fills in its milestone.
    /// </summary>
    public void ReachStage(Stage stage, OrderStageReached report, DateTimeOffset at, string eventId)
    {
        Record(stage, at, eventId);
        if (IsFinal)
        {
            return;
        }

        if (!Milestones.TryGetValue(stage.Name, out var earlier) || at < earlier)
        {
            Milestones[stage.Name] = at;
        }

        AtWarehouse(report.WarehouseId);
        if (report.Carrier is { } carrier)
        {
            Carrier = carrier;
            Remember(KnownCarriers, carrier);
        }

        TrackingNumber = report.TrackingNumber ?? TrackingNumber;
        PromisedDeliveryAt = report.PromisedDeliveryAt ?? PromisedDeliveryAt;
        MoveTo(stage);
    }

    public void Allocate(string reservationId, IReadOnlyList<ReservedLine> lines, DateTimeOffset now)
    {
        AllocationReservationId = reservationId;
        Allocations = [.. lines];
        Record(Stage.Allocated, now, eventId: null);
        if (WarehouseId is null && lines.Count > 0)
        {
            AtWarehouse(lines[0].WarehouseId);
        }

        MoveTo(Stage.Allocated);
    }

    public void FailAllocation(string issue) => AllocationIssue = issue;

    public void MarkShipped() => Shipped = true;

    public void MarkReleased() => Released = true;

    /// <summary>Records a change the order's readers can see: the version moves on.</summary>
    public void Stamp(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }

    private void Record(Stage stage, DateTimeOffset at, string? eventId)
    {
        var entry = new TimelineRecord { Stage = stage.Name, At = at, EventId = eventId, Arrival = ++Arrivals };

        // After every entry at or before this time: ties keep their arrival order.
        var index = Timeline.FindLastIndex(e => e.At <= at) + 1;
        Timeline.Insert(index, entry);
    }

    private void MoveTo(Stage stage)
    {
        if (!IsFinal && stage.Rank > CurrentStage.Rank)
        {
            StageName = stage.Name;
            _stage = stage;
            Entered.Add(stage);
        }
    }

    private void AtWarehouse(string warehouseId)
    {
        WarehouseId = warehouseId;
        Remember(KnownWarehouses, warehouseId);
    }

    private static void Remember(List<string> known, string value)
    {
        if (!known.Contains(value, StringComparer.Ordinal))
        {
            known.Add(value);
        }
    }
}
