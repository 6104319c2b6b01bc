namespace Fulfillment.Grains.Reservations;

/// <summary>A reservation as stored: written once it is held, and on each transition after that.</summary>
internal sealed class ReservationState
{
    public ReservationPhase Phase { get; set; }

    /// <summary>The holds, one per (warehouse, SKU).</summary>
    public List<ReservedPart> Parts { get; set; } = [];

    public List<RequestedLine> Requested { get; set; } = [];

    public string? DestinationRegion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the holds lapse unless confirmed (the same instant every inventory grain was given).</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public string? OrderId { get; set; }

    /// <summary>When it was confirmed, released or found expired.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}
