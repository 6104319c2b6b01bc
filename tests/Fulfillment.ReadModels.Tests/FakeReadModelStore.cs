namespace Fulfillment.ReadModels.Tests;

/// <summary>A store whose alert feed the test sets row by row; everything else is unused here and throws.</summary>
internal sealed class FakeReadModelStore : IReadModelStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, AlertRow> _feed = [];

    public int FeedReads { get; private set; }

    /// <summary>Commits changes as another process would: they are in the store, not handed to this process's publisher.</summary>
    public void Commit(params AlertRow[] alerts)
    {
        lock (_lock)
        {
            foreach (var alert in alerts)
            {
                foreach (var superseded in _feed.Where(e => e.Value.AlertId == alert.AlertId).Select(e => e.Key).ToList())
                {
                    _feed.Remove(superseded);
                }

                _feed.Add(alert.FeedSequence, alert);
            }
        }
    }

    public Task<IReadOnlyList<AlertRow>> AlertsAfterAsync(long feedSequence, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            FeedReads++;
            return Task.FromResult<IReadOnlyList<AlertRow>>([.. _feed.Where(e => e.Key > feedSequence).Take(limit).Select(e => e.Value)]);
        }
    }

    public Task<long> LastFeedSequenceAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_feed.Count == 0 ? 0 : _feed.Keys.Max());
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<AlertRow>> ApplyAsync(ProjectionBatch batch, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<OrderRow>> ListOrdersAsync(OrderFilter filter, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<AlertRow>> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> MarkedOrdersAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> TakeOverStoppedWritersAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task WaitForAlertChangesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
