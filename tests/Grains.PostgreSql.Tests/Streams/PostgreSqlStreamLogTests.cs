using Grains.Streams;
using Grains.Testing;

namespace Grains.PostgreSql.Tests.Streams;

public sealed class PostgreSqlStreamLogTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new(new ManualTimeProvider());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Constructor_SchemaCreatedWithAnotherPartitionCount_IsRefusedNamingBoth()
    {
        var database = _database.Open();
        await new PostgreSqlStreamLog(database, 4, new StreamStorageOptions()).DisposeAsync();

        var error = Assert.Throws<InvalidOperationException>(() => new PostgreSqlStreamLog(database, 8, new StreamStorageOptions()));

        Assert.Contains("created with 4 partitions", error.Message, StringComparison.Ordinal);
        Assert.Contains("asks for 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrimAsync_ThroughBeyondALowerCheckpoint_StopsAtTheLowestCheckpointOfThePartition()
    {
        var database = _database.Open();
        await using var log = new PostgreSqlStreamLog(database, 1, new StreamStorageOptions());
        var checkpoints = new PostgreSqlCheckpointStore(database);
        await log.AppendAsync([.. Enumerable.Range(0, 6).Select(i => new StreamEventData("orders", "k", $"e{i}", new byte[1]))]);
        await checkpoints.WriteAsync("projections", 0, 2);
        await checkpoints.WriteAsync("grains", 0, 5);

        var removed = await log.TrimAsync(0, 6, DateTimeOffset.MaxValue);

        Assert.Equal(2, removed);
        Assert.Equal(new StreamPartitionInfo(0, 3, 6, database.TimeProvider.GetUtcNow()), await log.GetPartitionInfoAsync(0));
    }

    [Fact]
    public async Task DisposeAsync_AppendsQueuedBefore_CommitAndLaterAppendsFail()
    {
        var log = new PostgreSqlStreamLog(_database.Open(), 2, new StreamStorageOptions());
        var queued = Enumerable.Range(0, 20).Select(i => log.AppendAsync([new StreamEventData("orders", $"k{i}", $"e{i}", new byte[1])])).ToArray();

        await log.DisposeAsync();

        Assert.Equal(20, (await Task.WhenAll(queued)).Sum(r => r.Appended.Count));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => log.AppendAsync([new StreamEventData("orders", "k", "late", new byte[1])]));
    }
}
