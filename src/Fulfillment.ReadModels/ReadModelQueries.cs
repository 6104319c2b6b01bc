using Fulfillment.ReadModels.Feed;
using Fulfillment.ReadModels.Projection;

namespace Fulfillment.ReadModels;

/// <summary>
/// What the gateway reads: the order and alert lists, the alerts a feed client missed, the live feed, and whether the
/// start-up recovery is done. Reads are answered by the store from committed batches only.
/// </summary>
public sealed class ReadModelQueries
{
    private readonly IReadModelStore _store;
    private readonly ProjectionRecovery _recovery;

    internal ReadModelQueries(IReadModelStore store, AlertFeed feed, ProjectionRecovery recovery)
    {
        _store = store;
        _recovery = recovery;
        Feed = feed;
    }

    public AlertFeed Feed { get; }

    /// <summary>True once every order marked at start was projected again from its grain.</summary>
    public bool Recovered => _recovery.Completion.IsCompletedSuccessfully;

    /// <summary>Completes once the start-up recovery is done, with how many orders it projected again.</summary>
    public Task<int> Recovery => _recovery.Completion;

    public Task<IReadOnlyList<OrderRow>> ListOrdersAsync(OrderFilter filter, CancellationToken cancellationToken) =>
        _store.ListOrdersAsync(filter, cancellationToken);

    public Task<IReadOnlyList<AlertRow>> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken) =>
        _store.ListAlertsAsync(filter, cancellationToken);

    public Task<IReadOnlyList<AlertRow>> AlertsAfterAsync(long feedSequence, int limit, CancellationToken cancellationToken) =>
        _store.AlertsAfterAsync(feedSequence, limit, cancellationToken);
}
