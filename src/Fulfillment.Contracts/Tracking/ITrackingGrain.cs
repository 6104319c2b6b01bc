using Grains;

namespace Fulfillment.Contracts.Tracking;

/// <summary>
/// One shipment (keyed by tracking number) as customers may see it: the order's view without customer data, pushed by
/// the order grain whenever the order changes once it has this tracking number.
/// </summary>
[Alias("fulfillment.tracking")]
public interface ITrackingGrain : IGrainWithStringKey
{
    /// <summary>The shipment, or null for a number no order has reported.</summary>
    [ReadOnly]
    Task<TrackingView?> Get();

    /// <summary>The order's new view; one with a version no higher than the one held changes nothing (a resend).</summary>
    Task Publish(TrackingView view);
}
