namespace Fulfillment.ReadModels.Feed;

/// <summary>
/// The live feed of alert changes: after each commit the projector publishes the alerts that changed (with their feed
/// sequences), and every subscription receives them in that order. Publishing never waits for a listener: one that is
/// full is cut off (<see cref="FeedOverflowException"/>) and catches up from the store.
/// </summary>
public sealed class AlertFeed
{
    /// <summary>Changes a listener may have waiting before it is cut off.</summary>
    public const int SubscriberCapacity = 1024;

    private readonly Lock _lock = new();
    private AlertSubscription[] _subscriptions = [];

    public int Subscribers => Volatile.Read(ref _subscriptions).Length;

    public AlertSubscription Subscribe()
    {
        var subscription = new AlertSubscription(this, SubscriberCapacity);
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    internal void Publish(IReadOnlyList<AlertRow> alerts)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            foreach (var alert in alerts)
            {
                if (!subscription.Channel.Writer.TryWrite(alert))
                {
                    subscription.Channel.Writer.TryComplete(new FeedOverflowException(SubscriberCapacity));
                    break;
                }
            }
        }
    }

    internal void Unsubscribe(AlertSubscription subscription)
    {
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }

        subscription.Channel.Writer.TryComplete();
    }
}
