using Grains.Runtime.Placement;
using Grains.Streams;
using Grains.Testing;

namespace Grains.PostgreSql.Tests.Streams;

/// <summary>
/// Two logs over one schema, each on its own database instance and connection pool, as two processes would be,
/// appending at the same time.
/// </summary>
public sealed class ConcurrentAppendersTests : IAsyncLifetime
{
    private const int Partitions = 4;

    private readonly PostgreSqlTestSchema _schema = new();
    private readonly List<PostgreSqlDatabase> _databases = [];
    private readonly List<PostgreSqlStreamLog> _logs = [];

    public Task InitializeAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            var database = PostgreSqlDatabase.Open(_schema.Options());
            _databases.Add(database);
            _logs.Add(new PostgreSqlStreamLog(database, Partitions, new StreamStorageOptions()));
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var log in _logs)
        {
            await log.DisposeAsync();
        }

        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        await _schema.DisposeAsync();
    }

    [Fact]
    public async Task AppendAsync_TwoLogsWithFourAppendersEach_EveryPartitionHasEachEventOnceWithoutGaps()
    {
        const int AppendersPerLog = 4;
        const int Batches = 16;
        const int BatchSize = 25;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var appenders = _logs.SelectMany((log, l) => Enumerable.Range(0, AppendersPerLog).Select(a => Task.Run(async () =>
        {
            await start.Task;
            var stored = new List<(StreamPosition Position, StreamEventData Data)>();
            for (var batch = 0; batch < Batches; batch++)
            {
                var events = Enumerable.Range(0, BatchSize)
                    .Select(i => new StreamEventData("orders", $"log{l}-a{a}-k{i % 7}", $"log{l}-a{a}-b{batch}-e{i}", new byte[(i * 13) % 50]))
                    .ToArray();
                var result = await log.AppendAsync(events);
                Assert.Equal(0, result.Duplicates);
                stored.AddRange(result.Appended.Zip(events));
            }

            return stored;
        }))).ToArray();

        start.SetResult();
        var appended = (await Task.WhenAll(appenders)).SelectMany(s => s).ToList();

        Assert.Equal(2 * AppendersPerLog * Batches * BatchSize, appended.Count);
        Assert.Equal(appended.Count, appended.Select(a => a.Position).Distinct().Count());
        var byPosition = appended.ToDictionary(a => a.Position, a => a.Data);
        for (var partition = 0; partition < Partitions; partition++)
        {
            var expectedCount = appended.Count(a => a.Position.Partition == partition);
            var events = await ReadAllAsync(_logs[partition % 2], partition);
            Assert.Equal(Enumerable.Range(1, expectedCount).Select(n => (long)n), events.Select(e => e.SequenceNumber));
            var offset = 0L;
            foreach (var stored in events)
            {
                var data = byPosition[new StreamPosition(partition, stored.SequenceNumber)];
                Assert.Equal(data.EventId, stored.EventId);
                Assert.Equal(PartitionHash.GetPartition(data.Key, Partitions), partition);
                Assert.Equal(offset, stored.Offset);
                offset += stored.Body.Length;
            }

            Assert.Equal(new StreamPartitionInfo(partition, 1, expectedCount, events[^1].EnqueuedTime), await _logs[1 - (partition % 2)].GetPartitionInfoAsync(partition));
        }
    }

    [Fact]
    public async Task AppendAsync_BothLogsAppendTheSameIdsAtOnce_EachIdIsStoredOnce()
    {
        const int Ids = 200;
        const int BatchSize = 10;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var appenders = _logs.Select(log => Task.Run(async () =>
        {
            await start.Task;
            var (stored, duplicates) = (0, 0);
            for (var first = 0; first < Ids; first += BatchSize)
            {
                var result = await log.AppendAsync([.. Enumerable.Range(first, BatchSize).Select(i => new StreamEventData("orders", $"key-{i}", $"shared-{i}", new byte[4]))]);
                (stored, duplicates) = (stored + result.Appended.Count, duplicates + result.Duplicates);
            }

            return (Stored: stored, Duplicates: duplicates);
        })).ToArray();

        start.SetResult();
        var outcomes = await Task.WhenAll(appenders);

        Assert.Equal(Ids, outcomes.Sum(o => o.Stored));
        Assert.Equal(Ids, outcomes.Sum(o => o.Duplicates));
        var ids = new List<string>();
        for (var partition = 0; partition < Partitions; partition++)
        {
            ids.AddRange((await ReadAllAsync(_logs[0], partition)).Select(e => e.EventId));
        }

        Assert.Equal(Enumerable.Range(0, Ids).Select(i => $"shared-{i}").Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    private static async Task<IReadOnlyList<StreamEvent>> ReadAllAsync(IStreamLog log, int partition) =>
        await log.ReadAsync(partition, 1, int.MaxValue);
}
