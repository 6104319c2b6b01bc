using Fulfillment.Contracts.Orders;

namespace Fulfillment.Grains.Changes;

/// <summary>
/// One durable change of an order: the order as it now is, and every alert it has (open and resolved). The alerts that
/// changed in this change are those whose <see cref="OrderAlert.Version"/> equals <see cref="OrderView.Version"/> of
/// <see cref="Order"/> — what a live alert feed emits.
/// </summary>
public sealed record OrderChange(OrderView Order, IReadOnlyList<OrderAlert> Alerts)
{
    /// <summary>The alerts raised or resolved by this change.</summary>
    public IEnumerable<OrderAlert> ChangedAlerts => Alerts.Where(a => a.Version == Order.Version);
}
