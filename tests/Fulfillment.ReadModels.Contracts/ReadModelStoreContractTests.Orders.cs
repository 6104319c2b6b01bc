using Xunit;
using static Fulfillment.ReadModels.Contracts.ReadModelRows;

namespace Fulfillment.ReadModels.Contracts;

public abstract partial class ReadModelStoreContractTests
{
    [Fact]
    public async Task ApplyAsync_NewOrderWithEveryField_ListReturnsItExactlyInUtc()
    {
        var order = Order(
            "o-1", version: 7, stage: "labeled", warehouseId: "WH-WEST", carrier: "fedex", trackingNumber: "F-1",
            pickToPackMinutes: 12.345678901234567, labelToScanMinutes: 0.1) with { UpdatedAt = BaseTime.AddTicks(1) };

        await ApplyAsync(Batch([order]));

        var listed = Assert.Single(await ListOrdersAsync());
        Assert.Equal(order, listed);
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (listed.UpdatedAt.Offset, listed.PromisedDeliveryAt.Offset));
        Assert.Equal((order.UpdatedAt.UtcTicks, order.PromisedDeliveryAt.UtcTicks), (listed.UpdatedAt.UtcTicks, listed.PromisedDeliveryAt.UtcTicks));
    }

    [Fact]
    public async Task ApplyAsync_OrderWithoutOptionalFields_ListReturnsTheNulls()
    {
        var order = Order("o-1", warehouseId: null);

        await ApplyAsync(Batch([order]));

        Assert.Equal([order], await ListOrdersAsync());
    }

    [Fact]
    public async Task ApplyAsync_HigherVersion_ReplacesEveryField()
    {
        await ApplyAsync(Batch([Order("o-1", version: 1)]));
        var newer = Order("o-1", version: 2, stage: "labeled", slaStatus: "at_risk", warehouseId: "WH-WEST", carrier: "ups",
            updatedMinute: 9, trackingNumber: "U-1", pickToPackMinutes: 3, labelToScanMinutes: 4);

        await ApplyAsync(Batch([newer]));

        Assert.Equal([newer], await ListOrdersAsync());
    }

    [Theory]
    [InlineData(5)]
    [InlineData(4)]
    public async Task ApplyAsync_EqualOrLowerVersion_KeepsTheStoredOrder(long version)
    {
        var stored = Order("o-1", version: 5, stage: "picked");
        await ApplyAsync(Batch([stored]));

        await ApplyAsync(Batch([Order("o-1", version: version, stage: "created", carrier: "ups")]));

        Assert.Equal([stored], await ListOrdersAsync());
    }

    [Fact]
    public async Task ApplyAsync_VersionsOutOfOrderAcrossBatches_TheHighestStays()
    {
        foreach (var version in new long[] { 3, 1, 4, 2 })
        {
            await ApplyAsync(Batch([Order("o-1", version: version, updatedMinute: (int)version)]));
        }

        Assert.Equal([Order("o-1", version: 4, updatedMinute: 4)], await ListOrdersAsync());
    }

    [Fact]
    public async Task ApplyAsync_SeveralOrders_EachUpsertedOnItsOwnVersion()
    {
        await ApplyAsync(Batch([Order("o-1", version: 2), Order("o-2", version: 2)]));

        await ApplyAsync(Batch([Order("o-1", version: 3, stage: "picked"), Order("o-2", version: 1, stage: "picked"), Order("o-3")]));

        Assert.Equal(
            "o-1:picked:3 o-2:created:2 o-3:created:1",
            string.Join(' ', (await ListOrdersAsync()).OrderBy(o => o.OrderId, StringComparer.Ordinal).Select(o => $"{o.OrderId}:{o.Stage}:{o.Version}")));
    }

    /// <summary>
    /// Five orders: o-1 picked/on_track/WH-EAST, o-2 labeled/on_track/WH-WEST/fedex, o-3 created/at_risk/WH-EAST,
    /// o-4 carrier_scanned/on_track/WH-EAST/ups, o-5 created/breached/no warehouse; o-5 changed last, o-1 first.
    /// </summary>
    [Theory]
    [InlineData(null, null, null, null, "o-5 o-4 o-3 o-2 o-1")]
    [InlineData("created", null, null, null, "o-5 o-3")]
    [InlineData("picked", null, null, null, "o-1")]
    [InlineData("delivered", null, null, null, "")]
    [InlineData(null, "on_track", null, null, "o-4 o-2 o-1")]
    [InlineData(null, "at_risk", null, null, "o-3")]
    [InlineData(null, "breached", null, null, "o-5")]
    [InlineData(null, null, "WH-EAST", null, "o-4 o-3 o-1")]
    [InlineData(null, null, "WH-WEST", null, "o-2")]
    [InlineData(null, null, null, "ups", "o-4")]
    [InlineData("labeled", "on_track", "WH-WEST", "fedex", "o-2")]
    [InlineData(null, null, "WH-EAST", "fedex", "")]
    [InlineData("Created", null, null, null, "")]
    [InlineData(null, null, "wh-east", null, "")]
    public async Task ListOrdersAsync_Filters_ReturnOnlyMatchingOrdersMostRecentlyChangedFirst(
        string? stage, string? slaStatus, string? warehouseId, string? carrier, string expected)
    {
        await ApplyAsync(Batch(
        [
            Order("o-1", stage: "picked", updatedMinute: 1),
            Order("o-2", stage: "labeled", warehouseId: "WH-WEST", carrier: "fedex", updatedMinute: 2),
            Order("o-3", slaStatus: "at_risk", updatedMinute: 3),
            Order("o-4", stage: "carrier_scanned", carrier: "ups", updatedMinute: 4),
            Order("o-5", slaStatus: "breached", warehouseId: null, updatedMinute: 5),
        ]));

        Assert.Equal(expected, Ids(await ListOrdersAsync(stage, slaStatus, warehouseId, carrier)));
    }

    [Theory]
    [InlineData(null, 1, "o-3")]
    [InlineData(null, 2, "o-3 o-2")]
    [InlineData(null, 3, "o-3 o-2 o-1")]
    [InlineData(null, 4, "o-3 o-2 o-1")]
    [InlineData("created", 1, "o-3")]
    [InlineData("picked", 1, "o-2")]
    public async Task ListOrdersAsync_Limit_ReturnsTheFirstInListOrder(string? stage, int limit, string expected)
    {
        await ApplyAsync(Batch([Order("o-1", stage: "picked", updatedMinute: 1), Order("o-2", stage: "picked", updatedMinute: 2), Order("o-3", updatedMinute: 3)]));

        Assert.Equal(expected, Ids(await ListOrdersAsync(stage: stage, limit: limit)));
    }

    [Fact]
    public async Task ListOrdersAsync_SameChangeTime_OrdersByIdInOrdinalOrder()
    {
        await ApplyAsync(Batch([Order("b"), Order("ä"), Order("a-2"), Order("B"), Order("a-10")]));

        Assert.Equal("B a-10 a-2 b ä", Ids(await ListOrdersAsync()));
        Assert.Equal("B a-10", Ids(await ListOrdersAsync(limit: 2)));
    }

    [Fact]
    public async Task ListOrdersAsync_EmptyStore_ReturnsNothing()
    {
        Assert.Empty(await ListOrdersAsync());
    }

    [Fact]
    public async Task ListOrdersAsync_WhileBatchesCommit_SeesEachBatchWholeOrNotAtAll()
    {
        // Every batch moves all ten orders to the same next version: a read that sees two versions saw half a batch.
        const int Batches = 40;
        var ids = Enumerable.Range(1, 10).Select(i => $"o-{i}").ToArray();
        await ApplyAsync(Batch([.. ids.Select(id => Order(id, version: 1))]));
        using var writing = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var version = 2; version <= Batches; version++)
            {
                await ApplyAsync(Batch([.. ids.Select(id => Order(id, version: version))]));
            }
        });

        var versionsSeen = new HashSet<long>();
        while (true)
        {
            var finished = writer.IsCompleted;
            var listed = await ListOrdersAsync();
            Assert.Equal(ids.Length, listed.Count);
            var version = Assert.Single(listed.Select(o => o.Version).Distinct());
            versionsSeen.Add(version);
            if (finished)
            {
                break;
            }
        }

        await writer;
        Assert.Contains(Batches, versionsSeen);
    }
}
