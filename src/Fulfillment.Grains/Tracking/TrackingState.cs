using Fulfillment.Contracts.Tracking;

namespace Fulfillment.Grains.Tracking;

/// <summary>The newest view of the shipment, as its order last pushed it; null for a number never reported.</summary>
internal sealed class TrackingState
{
    public TrackingView? View { get; set; }
}
