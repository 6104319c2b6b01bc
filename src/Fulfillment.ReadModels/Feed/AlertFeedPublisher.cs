using System.Threading.Channels;

namespace Fulfillment.ReadModels.Feed;

/// <summary>
/// Puts alert changes on the <see cref="AlertFeed"/> in feed-sequence order with none skipped, whichever process
/// committed them. The projector hands over what it committed: when that follows the last change published, it goes
/// out at once — always so with one writer. Otherwise another process committed changes in between (or this process's
/// own commit was not confirmed), and the changes are read from the store after the last one published
/// (<see cref="CatchUpAsync"/>, run by <see cref="AlertFeedFollower"/>): the store commits sequences in order, so that
/// read misses nothing.
/// </summary>
internal sealed class AlertFeedPublisher(AlertFeed feed, IReadModelStore store)
{
    /// <summary>Changes read from the store per query while catching up.</summary>
    public const int CatchUpPage = 500;

    private readonly Lock _lock = new();
    private readonly Channel<bool> _behind = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private long _published;

    /// <summary>The feed sequence of the last change published.</summary>
    public long Published
    {
        get
        {
            lock (_lock)
            {
                return _published;
            }
        }
    }

    /// <summary>Starts after the last change committed before this process started: subscribers read older ones from the store.</summary>
    public void Start(long lastCommitted)
    {
        lock (_lock)
        {
            _published = lastCommitted;
        }
    }

    /// <summary>
    /// What one commit of this process changed (numbered consecutively): published at once when it follows the last
    /// change published; otherwise left to <see cref="CatchUpAsync"/>, which <see cref="WaitUntilBehindAsync"/> wakes.
    /// </summary>
    public void Committed(IReadOnlyList<AlertRow> changed)
    {
        if (changed.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (changed[0].FeedSequence == _published + 1)
            {
                feed.Publish(changed);
                _published = changed[^1].FeedSequence;
                return;
            }

            if (changed[^1].FeedSequence <= _published)
            {
                return; // A catch-up published them already.
            }
        }

        _behind.Writer.TryWrite(true);
    }

    /// <summary>Completes once a commit could not be published at once, so the store must be read.</summary>
    public async Task WaitUntilBehindAsync(CancellationToken cancellationToken)
    {
        await _behind.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        _behind.Reader.TryRead(out _);
    }

    /// <summary>Reads the changes committed after the last one published, by any process, and publishes them in order.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var after = Published;
            var rows = await store.AlertsAfterAsync(after, CatchUpPage, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                // The projector may have published some of them meanwhile.
                var fresh = rows.Where(r => r.FeedSequence > _published).ToList();
                if (fresh.Count > 0)
                {
                    feed.Publish(fresh);
                    _published = fresh[^1].FeedSequence;
                }
            }

            if (rows.Count < CatchUpPage)
            {
                return;
            }
        }
    }
}
