using Fulfillment.Contracts.Tracking;
using Fulfillment.Grains.Persistence;
using Grains;

namespace Fulfillment.Grains.Tracking;

/// <summary>
/// One shipment's customer-safe view, keyed by tracking number and pushed by its order grain. The view is stored, so a
/// tracking page reads one grain, never the order. Views of the same order only move forward by version; a view of
/// another order under the same number replaces the one held (the carrier reused the number).
/// </summary>
[GrainType("tracking")]
internal sealed class TrackingGrain : Grain, ITrackingGrain
{
    private readonly IPersistentState<TrackingState> _tracking;

    public TrackingGrain([PersistentState("tracking")] IPersistentState<TrackingState> tracking)
    {
        _tracking = tracking;
    }

    public Task<TrackingView?> Get() => Task.FromResult(_tracking.State.View);

    public async Task Publish(TrackingView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (!string.Equals(view.TrackingNumber, GetPrimaryKeyString(), StringComparison.Ordinal))
        {
            throw new ArgumentException($"The view is for tracking number '{view.TrackingNumber}', not '{GetPrimaryKeyString()}'.", nameof(view));
        }

        var held = _tracking.State.View;
        if (held is not null && held.OrderId == view.OrderId && view.Version <= held.Version)
        {
            return;
        }

        _tracking.State.View = view;
        await _tracking.WriteOrDeactivateAsync(DeactivateOnIdle);
    }
}
