namespace Fulfillment.ReadModels.Projection;

/// <summary>
/// The orders marked in the store as possibly having a change not yet projected, and what this process knows of each.
/// <para>
/// Why marks: the order grain publishes a change after it is durable, and the projector writes it later. If the
/// process dies in between, the change is durable in the grain but missing from the read model, and nothing would
/// publish it again. So a publisher waits for the projector's commit when the order is not marked yet (the commit
/// marks it and projects the change in one transaction), and only then returns; later changes of a marked order are
/// handed off without waiting. A mark is dropped only once every change published for the order was projected and the
/// order was idle for a while (so a busy order is marked once, not once per change). At start every marked order is
/// read from its grain and projected again — which is all that a crash can have left behind. Where several processes
/// share the store, each has marks of its own, and the marks of one that stopped or died are taken over by another and
/// projected again the same way; an adopted mark is kept until its order was.
/// </para>
/// <para>
/// The projector drops marks in the transaction after the sweep that chose them, before any mark of that transaction,
/// so an order published again after the sweep is marked again after the drop, never before it.
/// </para>
/// </summary>
internal sealed class OrderMarks
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, MarkEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _toUnmark = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Records a publish of <paramref name="version"/>; true when the order's mark is durable already (no need to wait).</summary>
    public bool Published(string orderId, long version, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(orderId, out var entry))
            {
                entry = new MarkEntry();
                _entries.Add(orderId, entry);
            }

            entry.Published = Math.Max(entry.Published, version);
            entry.LastPublishedAt = at;
            return entry.Durable;
        }
    }

    /// <summary>
    /// Marks found in the store at start, or taken over from a writer that stopped: durable, and kept (not swept) until
    /// <see cref="Recovered"/> says the order was projected again from its grain — nothing is known of the change they
    /// stand for.
    /// </summary>
    public void Adopt(IEnumerable<string> orderIds, DateTimeOffset now)
    {
        lock (_lock)
        {
            foreach (var orderId in orderIds)
            {
                if (!_entries.TryGetValue(orderId, out var entry))
                {
                    entry = new MarkEntry { LastPublishedAt = now };
                    _entries.Add(orderId, entry);
                }

                entry.Durable = true;
                entry.AwaitingRecovery = true;
            }
        }
    }

    /// <summary>The order was projected again from its grain (or its grain knows no such order): its mark may be swept.</summary>
    public void Recovered(string orderId)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(orderId, out var entry))
            {
                entry.AwaitingRecovery = false;
            }
        }
    }

    /// <summary>The adopted orders not projected again yet: those whose recovery failed, to try again.</summary>
    public string[] AwaitingRecovery()
    {
        lock (_lock)
        {
            return [.. _entries.Where(e => e.Value.AwaitingRecovery).Select(e => e.Key).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>A batch committed: its orders are marked in the store and projected up to these versions.</summary>
    public void Committed(IEnumerable<OrderRow> projected, DateTimeOffset now)
    {
        lock (_lock)
        {
            foreach (var order in projected)
            {
                if (!_entries.TryGetValue(order.OrderId, out var entry))
                {
                    // A repeat of a version swept already: the commit marked it again, so keep track of it to drop it later.
                    entry = new MarkEntry { Published = order.Version, LastPublishedAt = now };
                    _entries.Add(order.OrderId, entry);
                }

                entry.Durable = true;
                entry.Projected = Math.Max(entry.Projected, order.Version);
            }
        }
    }

    /// <summary>
    /// Chooses the orders whose every published change is projected (and, if adopted, that were projected again from
    /// their grains) and that were idle for at least
    /// <paramref name="idle"/>; they are forgotten here and their marks dropped by the next batch (<see cref="TakeUnmarks"/>).
    /// </summary>
    public void Sweep(DateTimeOffset now, TimeSpan idle)
    {
        lock (_lock)
        {
            foreach (var (orderId, entry) in _entries)
            {
                if (entry.Durable && !entry.AwaitingRecovery && entry.Projected >= entry.Published && now - entry.LastPublishedAt >= idle)
                {
                    _toUnmark.Add(orderId);
                }
            }

            foreach (var orderId in _toUnmark)
            {
                _entries.Remove(orderId);
            }
        }
    }

    /// <summary>The marks swept and not yet dropped; the caller drops them in its next transaction.</summary>
    public string[] TakeUnmarks()
    {
        lock (_lock)
        {
            var unmarks = _toUnmark.ToArray();
            _toUnmark.Clear();
            return unmarks;
        }
    }
}
