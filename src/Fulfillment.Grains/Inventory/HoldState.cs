using System.Text.Json.Serialization;

namespace Fulfillment.Grains.Inventory;

/// <summary>Stock held for one reservation: a hold until it expires, or, once confirmed, an allocation that never expires.</summary>
internal sealed class HoldState
{
    public int Quantity { get; set; }

    /// <summary>When the hold returns its stock; null once confirmed.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    [JsonIgnore]
    public bool IsAllocation => ExpiresAt is null;
}
