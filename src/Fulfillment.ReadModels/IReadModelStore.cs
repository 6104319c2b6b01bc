namespace Fulfillment.ReadModels;

/// <summary>
/// The SQL behind the read models: an order table, an alert table with a feed sequence, and a table of marked orders
/// (those that may have a change not yet projected; see <see cref="Projection.OrderMarks"/>). One implementation per
/// engine (SQLite, PostgreSQL); each passes the same contract tests, and refuses bad input alike
/// (<see cref="ReadModelChecks"/>).
/// <para>
/// Writes come from one projector per store instance (<see cref="ApplyAsync"/> is never called concurrently on one
/// instance); reads may run at any time, concurrently with a write, and see only committed batches. An engine that
/// several processes share (PostgreSQL) takes one instance per process: each keeps marks of its own, and feed
/// sequences commit in their order across all of them.
/// </para>
/// </summary>
public interface IReadModelStore : IAsyncDisposable
{
    /// <summary>Creates the tables if they do not exist; called once before anything else.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes the batch in one transaction: drops the marks of <see cref="ProjectionBatch.Unmark"/> first, then marks
    /// <see cref="ProjectionBatch.Mark"/>, and upserts each order and alert whose version is higher than the one stored
    /// (a lower or equal version changes nothing, so a row never moves back). Returns the alerts that changed, in batch
    /// order, each with the feed sequence it was given: the next numbers after the last one committed (1 for the first
    /// change ever), none skipped. A refused batch (<see cref="ReadModelChecks.ThrowIfInvalid"/>) or a failed write
    /// leaves nothing applied.
    /// </summary>
    Task<IReadOnlyList<AlertRow>> ApplyAsync(ProjectionBatch batch, CancellationToken cancellationToken);

    Task<IReadOnlyList<OrderRow>> ListOrdersAsync(OrderFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<AlertRow>> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken);

    /// <summary>Alerts whose last change has a feed sequence above <paramref name="feedSequence"/>, in feed order: what a feed client missed.</summary>
    Task<IReadOnlyList<AlertRow>> AlertsAfterAsync(long feedSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The feed sequence of the last alert change committed (0 before the first), by any process.</summary>
    Task<long> LastFeedSequenceAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Completes when another process may have committed alert changes: on PostgreSQL a notification sent by a commit
    /// that changed alerts (this process's own too), the first call, a reconnected listener, or a quiet while — each a
    /// cue to read <see cref="AlertsAfterAsync"/> from the last sequence seen. Never completes for a store no other
    /// process writes (SQLite). One caller at a time.
    /// </summary>
    Task WaitForAlertChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The orders this store has marked, in ordinal order: those it marked itself and those a store that stopped or
    /// died on the same database left marked (taken over by <see cref="InitializeAsync"/>), so a restart finds them.
    /// </summary>
    Task<IReadOnlyList<string>> MarkedOrdersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes over the marks of writers on the same database that stopped or died since this store looked last, and
    /// returns those orders in ordinal order: they may have changes their writer never projected, so the caller projects
    /// them again from their grains. A store no other process writes (SQLite) returns none.
    /// </summary>
    Task<IReadOnlyList<string>> TakeOverStoppedWritersAsync(CancellationToken cancellationToken);
}
