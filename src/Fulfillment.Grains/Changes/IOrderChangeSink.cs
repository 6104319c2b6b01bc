namespace Fulfillment.Grains.Changes;

/// <summary>
/// Where order grains publish each durable change of an order, for projections into read models (SQL tables for the
/// order and alert lists, server-sent events). Register one implementation in the silo's services; the default
/// (<see cref="NullOrderChangeSink"/>) drops every change.
/// <para>
/// Contract: called from inside the order's turn, after the change is durable, one change at a time per order and in
/// version order. Delivery is at least once: after a crash or a failed call the order publishes its current state
/// again, possibly with a version already seen, so a projection upserts the order by id when
/// <see cref="Contracts.Orders.OrderView.Version"/> is higher than the one it holds, and each alert by
/// <see cref="Contracts.Orders.OrderAlert.AlertId"/> likewise by <see cref="Contracts.Orders.OrderAlert.Version"/>.
/// An implementation should hand the change off quickly (e.g. to a bounded channel drained by a writer) rather than
/// write to a database within the call: the order waits for it. A call that throws fails the order's operation, which
/// is then retried (stream redelivery, reminder retry, or the caller's retry) and publishes again.
/// </para>
/// </summary>
public interface IOrderChangeSink
{
    Task PublishAsync(OrderChange change, CancellationToken cancellationToken);
}
