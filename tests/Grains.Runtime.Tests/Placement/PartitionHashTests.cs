using Grains.Runtime.Placement;

namespace Grains.Runtime.Tests.Placement;

public sealed class PartitionHashTests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("hello", 0x248bfa47u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x2e4ff723u)]
    public void Compute_KnownInputs_MatchesMurmur3ReferenceVectors(string key, uint expected)
    {
        Assert.Equal(expected, PartitionHash.Compute(key));
    }

    [Fact]
    public void Compute_NonAsciiKey_HashesItsUtf8Bytes()
    {
        Assert.Equal(PartitionHash.Murmur3("Grüße/SKU-1"u8), PartitionHash.Compute("Grüße/SKU-1"));
    }

    [Fact]
    public void GrainId_PartitionDependsOnKeyOnly()
    {
        var inventory = GrainId.Create("inventory", "WH-EAST/SKU-1");
        var availability = GrainId.Create("availability", "WH-EAST/SKU-1");

        Assert.Equal(inventory.GetPartition(32), availability.GetPartition(32));
        Assert.Equal(PartitionHash.GetPartition("WH-EAST/SKU-1", 32), inventory.GetPartition(32));
    }

    [Fact]
    public void GetPartition_ManyKeys_SpreadAcrossAllPartitions()
    {
        var counts = new int[32];
        for (var i = 0; i < 32_000; i++)
        {
            counts[PartitionHash.GetPartition($"order-{i}", 32)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void Compute_LongKey_SameAsShortPath()
    {
        var key = new string('k', 2_000);

        Assert.Equal(PartitionHash.Murmur3(System.Text.Encoding.UTF8.GetBytes(key)), PartitionHash.Compute(key));
    }
}
