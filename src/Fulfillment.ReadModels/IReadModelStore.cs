namespace Fulfillment.ReadModels;

/// <summary>
/// The SQL behind the read models: an order table, an alert table with a feed sequence, and a table of marked orders
/// (those that may have a change not yet projected; see <see cref="Projection.OrderMarks"/>). One implementation per
/// engine (SQLite now, PostgreSQL later); each passes the same contract tests.
/// <para>
/// Writes come from one projector at a time (<see cref="ApplyAsync"/> is never called concurrently); reads may run at
/// any time, concurrently with a write, and see only committed batches.
/// </para>
/// </summary>
public interface IReadModelStore : IAsyncDisposable
{
    /// <summary>Creates the tables if they do not exist; called once before anything else.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes the batch in one transaction: drops the marks of <see cref="ProjectionBatch.Unmark"/> first, then marks
    /// <see cref="ProjectionBatch.Mark"/>, and upserts each order and alert whose version is higher than the one stored
    /// (a lower or equal version changes nothing, so a row never moves back). Returns the alerts that changed, each with
    /// the feed sequence it was given.
    /// </summary>
    Task<IReadOnlyList<AlertRow>> ApplyAsync(ProjectionBatch batch, CancellationToken cancellationToken);

    Task<IReadOnlyList<OrderRow>> ListOrdersAsync(OrderFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<AlertRow>> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken);

    /// <summary>Alerts whose last change has a feed sequence above <paramref name="feedSequence"/>, in feed order: what a feed client missed.</summary>
    Task<IReadOnlyList<AlertRow>> AlertsAfterAsync(long feedSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Every marked order id.</summary>
    Task<IReadOnlyList<string>> MarkedOrdersAsync(CancellationToken cancellationToken);
}
