using System.Threading.Channels;

namespace Fulfillment.ReadModels.Feed;

/// <summary>
/// One listener of the <see cref="AlertFeed"/>: the alert changes committed since it subscribed, in feed order. When
/// the listener falls too far behind, its reader completes with <see cref="FeedOverflowException"/>: it should resume
/// from the store after the last feed sequence it saw. Dispose to stop listening.
/// </summary>
public sealed class AlertSubscription : IDisposable
{
    private readonly AlertFeed _feed;

    internal AlertSubscription(AlertFeed feed, int capacity)
    {
        _feed = feed;
        Channel = System.Threading.Channels.Channel.CreateBounded<AlertRow>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelReader<AlertRow> Reader => Channel.Reader;

    internal Channel<AlertRow> Channel { get; }

    public void Dispose() => _feed.Unsubscribe(this);
}
