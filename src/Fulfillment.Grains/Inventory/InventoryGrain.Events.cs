using Grains.Streams;

namespace Fulfillment.Grains.Inventory;

internal sealed partial class InventoryGrain
{
    /// <summary>
    /// Applies <c>fulfillment.inventory.received</c> (on hand += quantity) and <c>.adjusted</c> (on hand = count). The
    /// event id is marked in the same state write as its effect, so a redelivery after a crash changes nothing.
    /// </summary>
    public async Task OnNextAsync(StreamEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (InventoryEventReader.Read(item.Body) is not { } change)
        {
            LogEventIgnored(_key.ToString(), item.EventId);
            return;
        }

        if (change.Key != _key)
        {
            throw new InvalidDataException($"Event {item.EventId} is for {change.Key} but was delivered to {_key}.");
        }

        if (State.Processed.Contains(item.EventId))
        {
            LogEventRepeated(_key.ToString(), item.EventId);
            await DurableAsync();
            return;
        }

        EnsureInNetwork();

        // Everything that can fail is checked before the event is marked: a marked event is an applied one.
        var onHand = change.Kind == InventoryChangeKind.Received ? State.OnHandAfterReceiving(change.Quantity) : change.Quantity;
        State.Processed.TryMark(item.EventId);
        var now = _time.GetUtcNow();
        ReleaseExpired(now);
        State.SetOnHand(onHand);
        await CommitAsync(Stamp(now));
    }
}
