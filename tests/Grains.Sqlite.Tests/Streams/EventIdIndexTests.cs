namespace Grains.Sqlite.Tests.Streams;

/// <summary>The in-memory index behind the SQLite log's de-duplication: lookups, ring order, eviction and removal.</summary>
public sealed class EventIdIndexTests
{
    [Fact]
    public void FindNext_SeveralEntriesWithOneHash_EnumeratesEachOnceThenNone()
    {
        var index = new EventIdIndex(10);
        index.Add(7, 0, 1, 100);
        index.Add(8, 0, 2, 100);
        index.Add(7, 1, 1, 100);
        index.Add(7, 2, 5, 100);

        Assert.Equal([(0, 1L), (1, 1L), (2, 5L)], Find(index, 7));
        Assert.Equal([(0, 2L)], Find(index, 8));
        Assert.Empty(Find(index, 9));
    }

    [Fact]
    public void Add_BeyondCapacity_OldestEntriesLeaveFirst()
    {
        var index = new EventIdIndex(3);
        for (ulong hash = 1; hash <= 5; hash++)
        {
            index.Add(hash, 0, (long)hash, 100);
        }

        Assert.Equal((3, 3), (index.Count, index.Occupied));
        Assert.Empty(Find(index, 1));
        Assert.Empty(Find(index, 2));
        Assert.Equal([(0, 3L)], Find(index, 3));
        Assert.Equal([(0, 5L)], Find(index, 5));
    }

    [Fact]
    public void ExpireThrough_StopsAtTheFirstYoungerEntry()
    {
        var index = new EventIdIndex(10);
        index.Add(1, 0, 1, 100);
        index.Add(2, 0, 2, 200);
        index.Add(3, 0, 3, 150);
        index.Add(4, 0, 4, 300);

        index.ExpireThrough(200);

        Assert.Equal(1, index.Count);
        Assert.Equal([(0, 4L)], Find(index, 4));
    }

    [Fact]
    public void Forget_Entry_NoLongerFoundButKeepsItsPlaceUntilEvicted()
    {
        var index = new EventIdIndex(3);
        index.Add(1, 0, 1, 100);
        index.Add(2, 0, 2, 100);
        index.Add(3, 0, 3, 100);

        Assert.True(index.Forget(2, 0, 2));
        Assert.False(index.Forget(2, 0, 2));
        Assert.False(index.Forget(1, 0, 9));
        Assert.Equal((2, 3), (index.Count, index.Occupied));
        Assert.Empty(Find(index, 2));

        index.Add(4, 0, 4, 100);
        Assert.Equal((2, 3), (index.Count, index.Occupied));
        Assert.Empty(Find(index, 1));

        index.Add(5, 0, 5, 100);
        Assert.Equal((3, 3), (index.Count, index.Occupied));
        Assert.Equal([(0, 3L)], Find(index, 3));
    }

    [Fact]
    public void Add_ManyEntries_RingGrowsToCapacityAndNoFurther()
    {
        var index = new EventIdIndex(5_000);

        for (ulong hash = 0; hash < 12_000; hash++)
        {
            index.Add(hash, 0, (long)hash, 100);
        }

        Assert.Equal(5_000, index.RingLength);
        Assert.Equal(5_000, index.Count);
        Assert.Equal([(0, 7_000L)], Find(index, 7_000));
        Assert.Empty(Find(index, 6_999));
    }

    [Fact]
    public void Load_NewestFirst_EvictsInTimeOrderAfterwards()
    {
        var index = new EventIdIndex(4);
        index.Add(99, 0, 99, 1);
        EventIdEntry[] newestFirst = [new(3, 0, 3, 300), new(2, 0, 2, 200), new(1, 0, 1, 100), default];

        index.Load(newestFirst, 3);
        index.Add(4, 0, 4, 400);
        index.Add(5, 0, 5, 500);

        Assert.Empty(Find(index, 99));
        Assert.Empty(Find(index, 1));
        Assert.Equal([(0, 2L)], Find(index, 2));
        Assert.Equal((4, 4), (index.Count, index.Occupied));
    }

    [Fact]
    public void Operations_ClusteredAndCollidingHashes_AgreeWithAPlainModel()
    {
        // Few distinct hashes put long probe runs and collisions everywhere, so removals must shift entries back
        // correctly for every later lookup to find what the model holds.
        const int Capacity = 300;
        var random = new Random(20_240_611);
        var index = new EventIdIndex(Capacity);
        var model = new List<(ulong Hash, int Partition, long Sequence, long Time, bool Forgotten)>();
        long sequence = 0;
        long time = 0;
        for (var step = 0; step < 20_000; step++)
        {
            var choice = random.Next(10);
            if (choice < 6)
            {
                var hash = (ulong)random.Next(64) * 0x1_0000_0001UL;
                var partition = random.Next(2);
                time += random.Next(3);
                index.Add(hash, partition, ++sequence, time);
                model.Add((hash, partition, sequence, time, false));
                if (model.Count > Capacity)
                {
                    model.RemoveAt(0);
                }
            }
            else if (choice < 8 && model.Count > 0)
            {
                var victim = random.Next(model.Count);
                var (hash, partition, number, _, forgotten) = model[victim];
                Assert.Equal(!forgotten, index.Forget(hash, partition, number));
                model[victim] = model[victim] with { Forgotten = true };
            }
            else if (model.Count > 0)
            {
                var cutoff = model[0].Time + random.Next(2);
                index.ExpireThrough(cutoff);
                while (model.Count > 0 && model[0].Time <= cutoff)
                {
                    model.RemoveAt(0);
                }
            }

            if (step % 500 == 0)
            {
                AssertSame(model, index);
            }
        }

        AssertSame(model, index);
    }

    private static void AssertSame(List<(ulong Hash, int Partition, long Sequence, long Time, bool Forgotten)> model, EventIdIndex index)
    {
        var live = model.Where(e => !e.Forgotten).ToList();
        Assert.Equal(live.Count, index.Count);
        Assert.Equal(model.Count, index.Occupied);
        foreach (var group in live.GroupBy(e => e.Hash))
        {
            Assert.Equal(
                group.Select(e => (e.Partition, e.Sequence)).Order(),
                Find(index, group.Key).Order());
        }
    }

    private static List<(int Partition, long Sequence)> Find(EventIdIndex index, ulong hash)
    {
        var found = new List<(int, long)>();
        var cursor = -1;
        for (var entry = index.FindNext(hash, ref cursor); entry >= 0; entry = index.FindNext(hash, ref cursor))
        {
            found.Add((index[entry].Partition, index[entry].SequenceNumber));
        }

        return found;
    }
}
