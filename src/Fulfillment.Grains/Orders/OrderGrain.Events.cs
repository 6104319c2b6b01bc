using Fulfillment.Contracts;
using Grains.Streams;

namespace Fulfillment.Grains.Orders;

internal sealed partial class OrderGrain : IStreamSubscriber
{
    /// <summary>
    /// Applies an event of the <c>orders</c> stream. A repeat (same event id) changes nothing and only makes sure the
    /// readers have the current state; everything that can fail in reading the event is checked before it is marked.
    /// </summary>
    public async Task OnNextAsync(StreamEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (State.Processed.Contains(item.EventId))
        {
            LogEventRepeated(Id, item.EventId);
            await Outbox.SendAsync(Id, State);
            return;
        }

        if (OrderEventReader.Read(item.Body, item.EnqueuedTime) is not { } order)
        {
            LogEventIgnored(Id, item.EventId);
            return;
        }

        if (!string.Equals(order.OrderId, Id, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Event {item.EventId} is for order {order.OrderId} but was delivered to order {Id}.");
        }

        var changed = Apply(order, item.EventId);
        State.Processed.TryMark(item.EventId);
        await CommitAsync(_time.GetUtcNow(), changed, mustWrite: true);
    }

    /// <summary>Applies the event to the state in memory; false when the readers would see no difference (a second creation).</summary>
    private bool Apply(OrderEvent order, string eventId)
    {
        switch (order.Type)
        {
            case FulfillmentEventTypes.OrderCreated:
                return State.Create(order.Creation!, order.Time, eventId);
            case FulfillmentEventTypes.OrderPaymentConfirmed:
                State.ConfirmPayment(order.Time, eventId);
                return true;
            case FulfillmentEventTypes.OrderCancelled:
                State.Cancel(order.Time, eventId);
                return true;
            default:
                State.ReachStage(order.Stage!, order.StageReport!, order.Time, eventId);
                return true;
        }
    }
}
