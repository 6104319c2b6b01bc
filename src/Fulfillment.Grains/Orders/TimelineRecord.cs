namespace Fulfillment.Grains.Orders;

/// <summary>A timeline entry as stored: the stage, its event time, the event, and the arrival number that breaks ties.</summary>
internal sealed class TimelineRecord
{
    public string Stage { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public string? EventId { get; set; }

    /// <summary>Counts the order's entries in the order they arrived: entries with the same event time keep that order.</summary>
    public long Arrival { get; set; }
}
