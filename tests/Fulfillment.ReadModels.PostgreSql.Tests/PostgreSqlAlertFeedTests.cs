using Grains.Testing;
using static Fulfillment.ReadModels.Contracts.ReadModelRows;

namespace Fulfillment.ReadModels.PostgreSql.Tests;

/// <summary>
/// The feed guarantee across processes: writers in several processes number alert changes with no gap and commit
/// them in number order, so a reader resuming after the last sequence it saw never skips one.
/// </summary>
public sealed class PostgreSqlAlertFeedTests : IAsyncLifetime
{
    private const int BatchesPerWriter = 60;
    private const int AlertsPerBatch = 3;

    private readonly PostgreSqlTestSchema _schema = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task AlertsAfterAsync_WhileTwoWritersCommit_ReaderResumingFromItsLastSequenceSeesEveryChangeOnceInOrder()
    {
        await using var a = await TestStores.StartAsync(_schema);
        await using var b = await TestStores.StartAsync(_schema);
        await using var reader = await TestStores.StartAsync(_schema);
        const int Total = 2 * BatchesPerWriter * AlertsPerBatch;

        var writers = Task.WhenAll(Task.Run(() => WriteAsync(a, "a")), Task.Run(() => WriteAsync(b, "b")));
        var seen = new List<long>();
        var last = 0L;
        while (true)
        {
            var finished = writers.IsCompleted;
            foreach (var alert in await reader.AlertsAfterAsync(last, 1000, CancellationToken.None))
            {
                seen.Add(alert.FeedSequence);
                last = alert.FeedSequence;
            }

            if (finished)
            {
                break;
            }
        }

        var returned = await writers;
        Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), seen);
        Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), returned.SelectMany(r => r).Order());
        Assert.All(returned, r => Assert.True(r.SequenceEqual(r.Order()), "Each writer's changes are numbered in commit order."));
    }

    [Fact]
    public async Task ApplyAsync_TwoWritersChangingTheSameAlert_EachChangeNumberedOnceAndTheHighestVersionStays()
    {
        await using var a = await TestStores.StartAsync(_schema);
        await using var b = await TestStores.StartAsync(_schema);

        var changes = await Task.WhenAll(
            Task.Run(() => ChangeAsync(a, first: 1)),
            Task.Run(() => ChangeAsync(b, first: 2)));

        var numbered = changes.SelectMany(c => c).Order().ToList();
        Assert.Equal(Enumerable.Range(1, numbered.Count).Select(i => (long)i), numbered);
        var stored = Assert.Single(await a.ListAlertsAsync(new AlertFilter(null, 10), CancellationToken.None));
        Assert.Equal((40L, (long)numbered.Count), (stored.Version, stored.FeedSequence));
    }

    private static async Task<List<long>> WriteAsync(PostgreSqlReadModelStore store, string writer)
    {
        var sequences = new List<long>();
        for (var batch = 0; batch < BatchesPerWriter; batch++)
        {
            var alerts = Enumerable.Range(0, AlertsPerBatch).Select(i => Alert($"{writer}-{batch}-{i}")).ToArray();
            sequences.AddRange((await store.ApplyAsync(Batch(alerts: alerts), CancellationToken.None)).Select(c => c.FeedSequence));
        }

        return sequences;
    }

    private static async Task<List<long>> ChangeAsync(PostgreSqlReadModelStore store, int first)
    {
        var sequences = new List<long>();
        for (var version = first; version <= 40; version += 2)
        {
            var changed = await store.ApplyAsync(Batch(alerts: [Alert("o-1", version: version)]), CancellationToken.None);
            sequences.AddRange(changed.Select(c => c.FeedSequence));
        }

        return sequences;
    }
}
