using Grains.Streams;
using Grains.Testing;

namespace Grains.Runtime.Tests.Providers;

/// <summary>What the in-memory log does beyond the contract: de-duplication memory bounded by window and capacity, and argument checks.</summary>
public sealed class MemoryStreamLogTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task AppendAsync_AfterWindowPassed_ForgetsExpiredIdsWithoutTrim()
    {
        var log = new MemoryStreamLog(2, _clock, Window);
        await log.AppendAsync([Event("a"), Event("b")]);
        _clock.Advance(Window);

        await log.AppendAsync([Event("c")]);

        Assert.Equal(1, log.RememberedEventIds);
    }

    [Fact]
    public async Task TrimAsync_AfterWindowPassed_ForgetsExpiredIds()
    {
        var log = new MemoryStreamLog(2, _clock, Window);
        await log.AppendAsync([Event("a"), Event("b")]);
        _clock.Advance(Window);

        await log.TrimAsync(0, 0, _clock.GetUtcNow());

        Assert.Equal(0, log.RememberedEventIds);
    }

    [Fact]
    public async Task AppendAsync_IdStoredAgainAfterExpiry_PurgingTheOldArrivalKeepsIt()
    {
        var log = new MemoryStreamLog(1, _clock, Window);
        await log.AppendAsync([Event("a")]);
        _clock.Advance(Window);
        await log.AppendAsync([Event("a")]);
        _clock.Advance(Window - TimeSpan.FromTicks(1));

        var result = await log.AppendAsync([Event("a")]);

        Assert.Equal(1, result.Duplicates);
        Assert.Equal(1, log.RememberedEventIds);
    }

    [Fact]
    public async Task AppendAsync_MoreEventsThanCapacity_RemembersOnlyTheNewestCapacityIds()
    {
        var log = new MemoryStreamLog(2, _clock, new StreamStorageOptions { DeduplicationWindow = Window, DeduplicationCapacity = 3 });

        await log.AppendAsync([Event("a"), Event("b"), Event("c"), Event("d"), Event("e")]);

        Assert.Equal(3, log.RememberedEventIds);
    }

    [Fact]
    public async Task TrimAsync_EventsRemoved_ForgetsTheirIdsAndKeepsTheOthers()
    {
        var log = new MemoryStreamLog(1, _clock, Window);
        await log.AppendAsync([Event("a"), Event("b"), Event("c")]);

        await log.TrimAsync(0, 2, DateTimeOffset.MaxValue);

        Assert.Equal(1, log.RememberedEventIds);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_PartitionCountBelowOne_Throws(int partitionCount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MemoryStreamLog(partitionCount, _clock, Window));
    }

    [Fact]
    public void Constructor_WindowNotPositive_ThrowsNamingTheRule()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MemoryStreamLog(1, _clock, TimeSpan.Zero));

        Assert.Equal("deduplicationWindow", error.ParamName);
        Assert.Contains("it must be greater than zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CapacityBelowOne_ThrowsNamingTheOptionAndRule()
    {
        var error = Assert.Throws<ArgumentException>(() => new MemoryStreamLog(1, _clock, new StreamStorageOptions { DeduplicationCapacity = 0 }));

        Assert.Equal("options", error.ParamName);
        Assert.StartsWith("StreamStorage:DeduplicationCapacity is 0; it must be between 1 and 100000000.", error.Message, StringComparison.Ordinal);
    }

    private static StreamEventData Event(string id) => new("orders", "key", id, new byte[] { 1, 2, 3 });
}
