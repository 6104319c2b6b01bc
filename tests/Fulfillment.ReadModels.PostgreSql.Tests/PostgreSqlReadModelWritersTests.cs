using Grains.Testing;
using Npgsql;
using static Fulfillment.ReadModels.Contracts.ReadModelRows;

namespace Fulfillment.ReadModels.PostgreSql.Tests;

/// <summary>
/// Several processes writing one schema, each a store of its own: marks stay with their writer, a stopped or dead
/// writer's marks pass to the next store that starts, and a writer that lost its session carries on without losing a mark.
/// </summary>
public sealed class PostgreSqlReadModelWritersTests : IAsyncLifetime
{
    private readonly PostgreSqlTestSchema _schema = new();
    private readonly List<PostgreSqlReadModelStore> _stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await _schema.DisposeAsync();
    }

    [Fact]
    public async Task Marks_OfTwoRunningWriters_AreEachWritersOwn()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        await a.ApplyAsync(Batch(mark: ["o-1", "o-2"]), CancellationToken.None);
        await b.ApplyAsync(Batch(mark: ["o-1"]), CancellationToken.None);

        await a.ApplyAsync(Batch(unmark: ["o-1"]), CancellationToken.None);

        Assert.Equal(["o-2"], await a.MarkedOrdersAsync(CancellationToken.None));
        Assert.Equal(["o-1"], await b.MarkedOrdersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Initialize_WhileAnotherWriterRuns_LeavesItsMarks()
    {
        var running = await StartAsync();
        await running.ApplyAsync(Batch(mark: ["o-1"]), CancellationToken.None);

        var started = await StartAsync();

        Assert.Empty(await started.MarkedOrdersAsync(CancellationToken.None));
        Assert.Equal(["o-1"], await running.MarkedOrdersAsync(CancellationToken.None));
        Assert.Equal(WriterSessions.Ids(running.WriterId, started.WriterId), await WriterSessions.WritersAsync(_schema));
    }

    [Fact]
    public async Task Initialize_AfterAWriterStopped_TakesOverItsMarksAndDeletesIt()
    {
        var stopped = await StartAsync();
        await stopped.ApplyAsync(Batch(mark: ["o-1", "o-3"]), CancellationToken.None);
        var running = await StartAsync();
        await running.ApplyAsync(Batch(mark: ["o-2", "o-3"]), CancellationToken.None);
        await StopAsync(stopped);

        var started = await StartAsync();

        Assert.Equal(["o-1", "o-3"], await started.MarkedOrdersAsync(CancellationToken.None));
        Assert.Equal(["o-2", "o-3"], await running.MarkedOrdersAsync(CancellationToken.None));
        Assert.Equal(WriterSessions.Ids(running.WriterId, started.WriterId), await WriterSessions.WritersAsync(_schema));
    }

    [Fact]
    public async Task Initialize_AfterAWriterDied_TakesOverItsMarks()
    {
        var dead = await StartAsync();
        await dead.ApplyAsync(Batch(mark: ["o-1"]), CancellationToken.None);
        await WriterSessions.TerminateAsync(_schema, dead.WriterId);

        var started = await StartAsync();

        Assert.Equal(["o-1"], await started.MarkedOrdersAsync(CancellationToken.None));
        Assert.Equal(WriterSessions.Ids(started.WriterId), await WriterSessions.WritersAsync(_schema));
    }

    [Fact]
    public async Task TakeOverStoppedWritersAsync_AfterWritersStoppedAndDied_ReturnsTheirOrdersAndHoldsTheirMarks()
    {
        var taker = await StartAsync();
        await taker.ApplyAsync(Batch(mark: ["o-2"]), CancellationToken.None);
        var running = await StartAsync();
        await running.ApplyAsync(Batch(mark: ["o-9"]), CancellationToken.None);
        var stopped = await StartAsync();
        await stopped.ApplyAsync(Batch(mark: ["o-3", "o-1"]), CancellationToken.None);
        var dead = await StartAsync();
        await dead.ApplyAsync(Batch(mark: ["o-2", "o-4"]), CancellationToken.None);
        await StopAsync(stopped);
        await WriterSessions.TerminateAsync(_schema, dead.WriterId);

        var taken = await taker.TakeOverStoppedWritersAsync(CancellationToken.None);

        Assert.Equal(["o-1", "o-2", "o-3", "o-4"], taken);
        Assert.Equal(["o-1", "o-2", "o-3", "o-4"], await taker.MarkedOrdersAsync(CancellationToken.None));
        Assert.Equal(["o-9"], await running.MarkedOrdersAsync(CancellationToken.None));
        Assert.Equal(WriterSessions.Ids(taker.WriterId, running.WriterId), await WriterSessions.WritersAsync(_schema));
        Assert.Empty(await taker.TakeOverStoppedWritersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_TakerLostItsSessionAndWasTakenOver_MarksTheTakenOrdersAgain()
    {
        var stopped = await StartAsync();
        await stopped.ApplyAsync(Batch(mark: ["o-1"]), CancellationToken.None);
        var taker = await StartAsync();
        await StopAsync(stopped);
        await taker.TakeOverStoppedWritersAsync(CancellationToken.None);
        await WriterSessions.TerminateAsync(_schema, taker.WriterId);
        var successor = await StartAsync();

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => taker.ApplyAsync(Batch(mark: ["o-2"]), CancellationToken.None));
        await taker.ApplyAsync(Batch(mark: ["o-2"]), CancellationToken.None);

        Assert.Equal(["o-1", "o-2"], await taker.MarkedOrdersAsync(CancellationToken.None));
        Assert.Equal(["o-1"], await successor.MarkedOrdersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Dispose_WriterWithoutMarks_DeletesItsRow()
    {
        var store = await StartAsync();
        await store.ApplyAsync(Batch(mark: ["o-1"]), CancellationToken.None);
        await store.ApplyAsync(Batch(unmark: ["o-1"]), CancellationToken.None);

        await StopAsync(store);

        Assert.Equal(string.Empty, await WriterSessions.WritersAsync(_schema));
    }

    [Fact]
    public async Task Initialize_RecordsTheWriterWithItsStartTime()
    {
        var clock = new ManualTimeProvider();
        clock.Advance(TimeSpan.FromDays(3));

        var store = await StartAsync(clock);

        Assert.True(store.WriterId > 0);
        Assert.Equal(clock.GetUtcNow().UtcTicks, await _schema.ExecuteScalarAsync($"SELECT started_at FROM rm_writers WHERE writer_id = {store.WriterId};"));
    }

    [Fact]
    public async Task ApplyAsync_AfterItsSessionWasLost_FailsOnceThenContinuesAsTheSameWriter()
    {
        var store = await StartAsync();
        await store.ApplyAsync(Batch(mark: ["o-1"]), CancellationToken.None);
        var writerId = store.WriterId;
        await WriterSessions.TerminateAsync(_schema, writerId);

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.ApplyAsync(Batch([Order("o-2")], mark: ["o-2"]), CancellationToken.None));
        await store.ApplyAsync(Batch([Order("o-2")], mark: ["o-2"]), CancellationToken.None);

        Assert.Equal(writerId, store.WriterId);
        Assert.Equal(["o-1", "o-2"], await store.MarkedOrdersAsync(CancellationToken.None));
        Assert.Equal("o-2", Ids(await store.ListOrdersAsync(new OrderFilter(null, null, null, null, 10), CancellationToken.None)));
    }

    [Fact]
    public async Task ApplyAsync_AfterItsSessionWasLostAndTakenOver_RegistersAnewAndMarksItsOrdersAgain()
    {
        var store = await StartAsync();
        await store.ApplyAsync(Batch(mark: ["o-1", "o-2"]), CancellationToken.None);
        await store.ApplyAsync(Batch(unmark: ["o-2"]), CancellationToken.None);
        var lostId = store.WriterId;
        await WriterSessions.TerminateAsync(_schema, lostId);
        var successor = await StartAsync();

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.ApplyAsync(Batch(mark: ["o-3"]), CancellationToken.None));
        await store.ApplyAsync(Batch(mark: ["o-3"]), CancellationToken.None);

        Assert.NotEqual(lostId, store.WriterId);
        Assert.Equal(["o-1", "o-3"], await store.MarkedOrdersAsync(CancellationToken.None));
        Assert.Equal(["o-1"], await successor.MarkedOrdersAsync(CancellationToken.None));
        Assert.Equal(WriterSessions.Ids(store.WriterId, successor.WriterId), await WriterSessions.WritersAsync(_schema));
    }

    [Fact]
    public async Task ApplyAsync_TwoWritersRacingOnTheSameOrders_TheHighestVersionWins()
    {
        var a = await StartAsync();
        var b = await StartAsync();

        // Odd versions from one writer, even from the other, all at once; each batch holds both orders, so the two
        // writers lock the same rows in every transaction.
        await Task.WhenAll(
            Task.Run(() => WriteVersionsAsync(a, first: 1)),
            Task.Run(() => WriteVersionsAsync(b, first: 2)));

        Assert.Equal(
            "o-1:100 o-2:100",
            string.Join(' ', (await a.ListOrdersAsync(new OrderFilter(null, null, null, null, 10), CancellationToken.None))
                .OrderBy(o => o.OrderId, StringComparer.Ordinal).Select(o => $"{o.OrderId}:{o.Version}")));
    }

    private static async Task WriteVersionsAsync(PostgreSqlReadModelStore store, int first)
    {
        for (var version = first; version <= 100; version += 2)
        {
            await store.ApplyAsync(Batch([Order("o-2", version: version), Order("o-1", version: version)]), CancellationToken.None);
        }
    }

    private async Task<PostgreSqlReadModelStore> StartAsync(TimeProvider? time = null)
    {
        var store = await TestStores.StartAsync(_schema, time);
        _stores.Add(store);
        return store;
    }

    private async Task StopAsync(PostgreSqlReadModelStore store)
    {
        _stores.Remove(store);
        await store.DisposeAsync();
    }
}
