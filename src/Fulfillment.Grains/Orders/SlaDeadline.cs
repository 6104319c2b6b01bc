namespace Fulfillment.Grains.Orders;

/// <summary>An alert of <see cref="Kind"/> is due from <see cref="DueAt"/> until (not including) <see cref="Until"/>.</summary>
internal readonly record struct SlaDeadline(string Kind, DateTimeOffset DueAt, DateTimeOffset Until)
{
    public bool IsDueAt(DateTimeOffset now) => DueAt <= now && now < Until;
}
