using Xunit;

namespace Fulfillment.ReadModels.Contracts;

/// <summary>
/// What every <see cref="IReadModelStore"/> must do, split by aspect over partial files: orders upserted by version and
/// listed by filter, alerts numbered in the feed and resumed after a sequence, marks, a restart over the same
/// database, and the input every store refuses. A store's test project subclasses it once; xunit creates a new
/// instance, and so a new empty database, for every test.
/// </summary>
public abstract partial class ReadModelStoreContractTests : IAsyncLifetime
{
    private IReadModelStore? _store;

    /// <summary>The store under test, initialized.</summary>
    protected IReadModelStore Store => _store ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>A new store instance over this test's database, not initialized yet.</summary>
    protected abstract IReadModelStore CreateStore();

    /// <summary>Removes this test's database once every store on it is disposed.</summary>
    protected abstract Task DeleteDatabaseAsync();

    public virtual async Task InitializeAsync()
    {
        _store = CreateStore();
        await _store.InitializeAsync(CancellationToken.None);
    }

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
            _store = null;
        }

        await DeleteDatabaseAsync();
    }

    /// <summary>Closes the store under test and opens a new one over the same database, as a process restart would.</summary>
    protected async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        _store = null;
        var reopened = CreateStore();
        await reopened.InitializeAsync(CancellationToken.None);
        _store = reopened;
    }

    protected Task<IReadOnlyList<AlertRow>> ApplyAsync(ProjectionBatch batch) => Store.ApplyAsync(batch, CancellationToken.None);

    protected Task<IReadOnlyList<OrderRow>> ListOrdersAsync(
        string? stage = null, string? slaStatus = null, string? warehouseId = null, string? carrier = null, int limit = 500) =>
        Store.ListOrdersAsync(new OrderFilter(stage, slaStatus, warehouseId, carrier, limit), CancellationToken.None);

    protected Task<IReadOnlyList<AlertRow>> ListAlertsAsync(string? status = null, int limit = 500) =>
        Store.ListAlertsAsync(new AlertFilter(status, limit), CancellationToken.None);

    protected Task<IReadOnlyList<AlertRow>> AlertsAfterAsync(long feedSequence, int limit = 500) =>
        Store.AlertsAfterAsync(feedSequence, limit, CancellationToken.None);

    protected Task<IReadOnlyList<string>> MarkedOrdersAsync() => Store.MarkedOrdersAsync(CancellationToken.None);
}
