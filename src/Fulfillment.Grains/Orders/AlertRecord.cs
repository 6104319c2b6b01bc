using System.Text.Json.Serialization;
using Fulfillment.Contracts.Orders;

namespace Fulfillment.Grains.Orders;

/// <summary>One alert of an order as stored (at most one per kind): raised, maybe resolved, maybe raised again later.</summary>
internal sealed class AlertRecord
{
    public string Kind { get; set; } = string.Empty;

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>The order version at which the alert last changed.</summary>
    public long Version { get; set; }

    [JsonIgnore]
    public bool IsOpen => ResolvedAt is null;

    [JsonIgnore]
    public string Status => IsOpen ? AlertStatuses.Open : AlertStatuses.Resolved;
}
