using Grains.Testing;
using static Fulfillment.ReadModels.Contracts.ReadModelRows;

namespace Fulfillment.ReadModels.PostgreSql.Tests;

/// <summary>How a store hears of alert changes other processes commit: a notification per committing transaction that changed alerts.</summary>
public sealed class PostgreSqlAlertListenerTests : IAsyncLifetime
{
    private readonly PostgreSqlTestSchema _schema = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task WaitForAlertChangesAsync_FirstCall_CompletesOnceListening()
    {
        await using var store = await TestStores.StartAsync(_schema);

        await store.WaitForAlertChangesAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task WaitForAlertChangesAsync_AnotherWriterCommitsAnAlertChange_Completes()
    {
        await using var listener = await TestStores.StartAsync(_schema);
        await using var writer = await TestStores.StartAsync(_schema);
        await listener.WaitForAlertChangesAsync(CancellationToken.None);
        var waiting = listener.WaitForAlertChangesAsync(CancellationToken.None);

        await writer.ApplyAsync(Batch(alerts: [Alert("o-1")]), CancellationToken.None);

        await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("o-1:pick_to_pack_stall#1", Sequenced(await listener.AlertsAfterAsync(0, 10, CancellationToken.None)));
    }

    [Fact]
    public async Task WaitForAlertChangesAsync_Canceled_Throws()
    {
        await using var store = await TestStores.StartAsync(_schema);
        await store.WaitForAlertChangesAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = store.WaitForAlertChangesAsync(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void Channel_LongSchema_IsCutToPostgreSqlsLimit()
    {
        Assert.Equal("rm_alerts_orders", AlertFeedListener.Channel("orders"));
        Assert.Equal(63, AlertFeedListener.Channel(new string('s', 63)).Length);
    }
}
